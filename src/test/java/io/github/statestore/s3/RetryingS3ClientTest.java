package io.github.statestore.s3;

import static io.github.statestore.s3.SdkFailures.connectionRefused;
import static io.github.statestore.s3.SdkFailures.connectionReset;
import static io.github.statestore.s3.SdkFailures.s3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.AccessDeniedException;
import io.github.statestore.AuthenticationException;
import io.github.statestore.BucketNotFoundException;
import io.github.statestore.StateStoreException;
import io.github.statestore.StorageException;
import io.github.statestore.StoreUnavailableException;
import io.github.statestore.ThrottledException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Proves the retry wrapper, on a fake clock and sleeper: which failures it retries, how often and how long it
 * waits, when it gives up, and which library exception it then throws.
 */
class RetryingS3ClientTest {
    private static final String BUCKET = "my-bucket";
    private static final Backoff FIXED = attempt -> Duration.ofMillis(100);

    private final List<Duration> sleeps = new ArrayList<>();
    private long now;

    private RetryingS3Client client(int maxAttempts, Backoff backoff, Duration deadline) {
        return client(maxAttempts, backoff, deadline, Duration.ZERO);
    }

    private RetryingS3Client client(int maxAttempts, Backoff backoff, Duration deadline, Duration attemptTimeout) {
        return new RetryingS3Client(null, false, BUCKET, maxAttempts, backoff, deadline, attemptTimeout, d -> {
            sleeps.add(d);
            now += d.toNanos();
        }, () -> now);
    }

    private static String call(RetryingS3Client client, ScriptedRequest request) {
        return client.call(S3Operation.SET, "k/1", "s3://my-bucket/alchemy/app/k:1", request);
    }

    static Stream<SdkException> retryable() {
        return Stream.of(s3(503, "SlowDown"), s3(429, "TooManyRequests"), s3(500, "InternalError"),
                s3(502, "BadGateway"), s3(503, "ServiceUnavailable"), s3(504, "GatewayTimeout"),
                connectionRefused(), connectionReset(), ApiCallAttemptTimeoutException.create(10_000));
    }

    @ParameterizedTest
    @MethodSource("retryable")
    void retriesTransientFailuresUntilOneSucceeds(SdkException failure) {
        ScriptedRequest request = ScriptedRequest.failing(2, failure);
        assertEquals("ok", call(client(6, FIXED, Duration.ofMinutes(1)), request));
        assertEquals(3, request.calls());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(100)), sleeps);
    }

    static Stream<Arguments> permanent() {
        return Stream.of(
                Arguments.of(s3(400, "InvalidArgument"), StorageException.class),
                Arguments.of(s3(403, "AccessDenied"), AccessDeniedException.class),
                Arguments.of(s3(403, "SignatureDoesNotMatch"), AuthenticationException.class),
                Arguments.of(s3(403, "InvalidAccessKeyId"), AuthenticationException.class),
                Arguments.of(s3(404, "NoSuchBucket"), BucketNotFoundException.class),
                Arguments.of(s3(404, "NoSuchKey"), StorageException.class),
                Arguments.of(s3(409, "OperationAborted"), StorageException.class),
                Arguments.of(s3(412, "PreconditionFailed"), StorageException.class),
                Arguments.of(SdkClientException.create("Unable to load credentials from any provider"),
                        AuthenticationException.class));
    }

    @ParameterizedTest
    @MethodSource("permanent")
    void neverRetriesOtherFailures(SdkException failure, Class<? extends StateStoreException> expected) {
        ScriptedRequest request = ScriptedRequest.failing(1, failure);
        StateStoreException e = assertThrows(expected, () -> call(client(6, FIXED, Duration.ofMinutes(1)), request));
        assertEquals(expected, e.getClass());
        assertSame(failure, e.getCause());
        assertFalse(e.retryable());
        assertEquals(1, request.calls());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void persistentThrottlingStopsAtMaxAttempts() {
        ScriptedRequest request = ScriptedRequest.failing(Integer.MAX_VALUE, s3(503, "SlowDown"));
        ThrottledException e = assertThrows(ThrottledException.class,
                () -> call(client(4, FIXED, Duration.ofMinutes(1)), request));
        assertEquals(4, e.getAttempts());
        assertEquals(4, request.calls());
        assertEquals(3, sleeps.size());
        assertEquals(BUCKET, e.getBucket());
        assertEquals("k/1", e.getKey());
        assertTrue(e.retryable());
        assertTrue(e.getMessage().contains("after 4 attempts"), e.getMessage());
    }

    @Test
    void persistentServerErrorsEndInStoreUnavailableNotThrottled() {
        ScriptedRequest request = ScriptedRequest.failing(Integer.MAX_VALUE, s3(500, "InternalError"));
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> call(client(3, FIXED, Duration.ofMinutes(1)), request));
        assertEquals(StoreUnavailableException.class, e.getClass());
        assertEquals(3, e.getAttempts());
        assertEquals(3, request.calls());
    }

    @Test
    void anUnreachableServerEndsInStoreUnavailable() {
        ScriptedRequest request = ScriptedRequest.failing(Integer.MAX_VALUE, connectionRefused());
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> call(client(5, FIXED, Duration.ofMinutes(1)), request));
        assertEquals(StoreUnavailableException.class, e.getClass());
        assertEquals(5, e.getAttempts());
        assertTrue(e.getMessage().contains("ConnectException: Connection refused"), e.getMessage());
    }

    @Test
    void oneAttemptMeansNoRetry() {
        ScriptedRequest request = ScriptedRequest.failing(1, s3(503, "SlowDown"));
        ThrottledException e = assertThrows(ThrottledException.class,
                () -> call(client(1, FIXED, Duration.ofMinutes(1)), request));
        assertEquals(1, e.getAttempts());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void theSleepsAreTheBackoffsDelays() {
        Backoff backoff = Backoff.exponentialFullJitter(Duration.ofMillis(100), Duration.ofMillis(1000), () -> 0.5);
        ScriptedRequest request = ScriptedRequest.failing(Integer.MAX_VALUE, s3(503, "SlowDown"));
        assertThrows(ThrottledException.class, () -> call(client(6, backoff, Duration.ofMinutes(1)), request));
        assertEquals(IntStream.rangeClosed(1, 5).mapToObj(backoff::delay).toList(), sleeps);
        assertEquals(List.of(50L, 100L, 200L, 400L, 500L), sleeps.stream().map(Duration::toMillis).toList());
    }

    @Test
    void theDeadlineStopsRetryingEarly() {
        ScriptedRequest request = ScriptedRequest.failing(Integer.MAX_VALUE, s3(503, "SlowDown"));
        request.takes(Duration.ofMillis(300), this::advance);
        ThrottledException e = assertThrows(ThrottledException.class,
                () -> call(client(10, FIXED, Duration.ofSeconds(1)), request));
        assertEquals(3, e.getAttempts());
        assertEquals(2, sleeps.size());
    }

    /**
     * Attempts that each run to the attempt timeout (an endpoint that never answers): a retry starts only if
     * its whole attempt fits before the deadline, so all attempts together end within it.
     */
    @Test
    void theDeadlineBoundsAllAttemptsTogether() {
        ScriptedRequest request = ScriptedRequest.failing(Integer.MAX_VALUE,
                ApiCallAttemptTimeoutException.create(300));
        request.takes(Duration.ofMillis(300), this::advance);
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> call(client(10, FIXED, Duration.ofSeconds(1), Duration.ofMillis(300)), request));
        assertEquals(2, e.getAttempts());
        assertTrue(now <= Duration.ofSeconds(1).toNanos(), "the attempts ended " + now + " ns after the start");
    }

    @Test
    void aDelayLongerThanTheDeadlineIsNotWaited() {
        ScriptedRequest request = ScriptedRequest.failing(Integer.MAX_VALUE, connectionReset());
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> call(client(10, attempt -> Duration.ofSeconds(2), Duration.ofSeconds(1)), request));
        assertEquals(1, e.getAttempts());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void anUnboundedDeadlineDoesNotOverflow() {
        ScriptedRequest request = ScriptedRequest.failing(1, s3(503, "SlowDown"));
        request.takes(Duration.ofSeconds(1), this::advance);
        Duration forever = Duration.ofSeconds(Long.MAX_VALUE);
        assertEquals("ok", call(client(2, FIXED, forever), request));
        assertEquals(1, sleeps.size());
    }

    @Test
    void interruptionWhileWaitingStopsWithTheFlagRestored() {
        ScriptedRequest request = ScriptedRequest.failing(Integer.MAX_VALUE, s3(503, "SlowDown"));
        RetryingS3Client interrupted = new RetryingS3Client(null, false, BUCKET, 6, FIXED, Duration.ofMinutes(1),
                Duration.ZERO, d -> {
                    throw new InterruptedException("stop");
                }, () -> now);
        try {
            StateStoreException e = assertThrows(StateStoreException.class, () -> call(interrupted, request));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag is restored");
            assertEquals(StateStoreException.class, e.getClass());
            assertInstanceOf(InterruptedException.class, e.getCause());
            assertTrue(e.getMessage().contains("\"k/1\"") && e.getMessage().contains(BUCKET), e.getMessage());
            assertEquals(1, request.calls());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void eachRetryIsLoggedWithItsAttemptAndCause() {
        ScriptedRequest request = ScriptedRequest.failing(2, s3(503, "SlowDown"));
        try (CapturedLogs logs = new CapturedLogs()) {
            call(client(6, FIXED, Duration.ofMinutes(1)), request);
            List<String> lines = logs.lines().stream().filter(l -> l.contains(RetryingS3Client.class.getName()))
                    .toList();
            assertEquals(2, lines.size(), lines.toString());
            assertTrue(lines.get(0).startsWith("WARN") && lines.get(0).contains("attempt 1/6")
                    && lines.get(0).contains("S3Exception"), lines.get(0));
            assertTrue(lines.get(1).contains("attempt 2/6") && lines.get(1).contains("retrying in 100 ms"),
                    lines.get(1));
        }
    }

    private void advance(Duration d) {
        now += d.toNanos();
    }
}
