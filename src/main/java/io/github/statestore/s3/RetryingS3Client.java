package io.github.statestore.s3;

import io.github.statestore.StateStoreException;
import io.github.statestore.internal.Operation;
import io.github.statestore.internal.Text;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The one wrapper every S3 call of a store goes through: it retries transient failures with exponential
 * backoff and full jitter, as its {@link RetryPolicy} says, within an overall deadline that bounds all
 * attempts together (a retry starts only if its delay and one whole attempt still fit), logs each retry
 * (attempt number and cause) at WARN through slf4j, and maps the final failure to a library exception that
 * says how many attempts were made. Each retry is also counted for the store operation it serves
 * ({@link Operation#retried}), with throttling told apart. The SDK's own retries are off in clients this
 * library builds, so exactly one policy applies. Request bodies must be re-sendable: build them from bytes
 * inside the request function. Thread-safe.
 */
final class RetryingS3Client implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetryingS3Client.class);

    /** Waits between attempts; injected so tests need not sleep. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final S3Client client;
    private final boolean ownsClient;
    private final String bucket;
    private final int maxAttempts;
    private final Backoff backoff;
    private final long deadlineNanos;
    private final long attemptNanos;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;

    /**
     * @param attemptTimeout the longest one attempt can take, or zero when the client's own timeouts are not
     *     known (a client the caller built)
     */
    RetryingS3Client(S3Client client, boolean ownsClient, String bucket, RetryPolicy policy, Duration deadline,
            Duration attemptTimeout) {
        this(client, ownsClient, bucket, policy.maxAttempts(), policy.backoff(), deadline, attemptTimeout,
                d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000), System::nanoTime);
    }

    RetryingS3Client(S3Client client, boolean ownsClient, String bucket, int maxAttempts, Backoff backoff,
            Duration deadline, Duration attemptTimeout, Sleeper sleeper, LongSupplier nanoTime) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.bucket = bucket;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.deadlineNanos = Durations.saturatedNanos(deadline);
        this.attemptNanos = Durations.saturatedNanos(attemptTimeout);
        this.sleeper = sleeper;
        this.nanoTime = nanoTime;
    }

    /** @return the bucket every call addresses */
    String bucket() {
        return bucket;
    }

    /**
     * Runs one S3 request, retrying transient failures.
     *
     * @param op the store operation, for messages and the IAM action named on access denial
     * @param key the key involved, or {@code null}
     * @param location where, for messages
     * @param request the request, run once per attempt
     * @param <T> the response type
     * @return the response of the first successful attempt
     * @throws StateStoreException a mapped exception when the request fails for good
     */
    <T> T call(S3Operation op, String key, String location, Function<S3Client, T> request) {
        long start = nanoTime.getAsLong();
        for (int attempt = 1; ; attempt++) {
            try {
                return request.apply(client);
            } catch (SdkException e) {
                Duration delay = S3Errors.isRetryable(e) && attempt < maxAttempts ? backoff.delay(attempt) : null;
                if (delay == null || !fits(delay, start)) {
                    throw S3Errors.map(op, bucket, key, e, attempt, location);
                }
                LOG.warn("S3 {} of {} failed on attempt {}/{} ({}); retrying in {} ms", op.storeName(), location,
                        attempt, maxAttempts, e.getClass().getSimpleName() + ": " + e.getMessage(), delay.toMillis());
                Operation.retried(S3Errors.isThrottling(e));
                pause(delay, op, key);
            }
        }
    }

    /** Whether a retry after {@code delay}, and the whole of its attempt, end before the deadline. */
    private boolean fits(Duration delay, long start) {
        long left = deadlineNanos - (nanoTime.getAsLong() - start);
        return Durations.saturatedNanos(delay) <= left - attemptNanos;
    }

    private void pause(Duration delay, S3Operation op, String key) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateStoreException("Interrupted while waiting to retry " + op.storeName()
                    + (key == null ? "" : " of key " + Text.quote(key)) + " on bucket '" + bucket + "'", e, true);
        }
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
