package io.github.statestore.s3;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A fake S3 request for {@link RetryingS3Client}: fails a given number of times, then answers {@code "ok"};
 * it never touches the client it is given. Not thread-safe.
 */
final class ScriptedRequest implements Function<S3Client, String> {
    private final int failures;
    private final SdkException failure;
    private Duration duration = Duration.ZERO;
    private Consumer<Duration> clock = d -> { };
    private int calls;

    private ScriptedRequest(int failures, SdkException failure) {
        this.failures = failures;
        this.failure = failure;
    }

    /** @return a request whose first {@code failures} attempts throw {@code failure} */
    static ScriptedRequest failing(int failures, SdkException failure) {
        return new ScriptedRequest(failures, failure);
    }

    /** Makes each attempt advance a fake clock by {@code duration}. */
    void takes(Duration duration, Consumer<Duration> clock) {
        this.duration = duration;
        this.clock = clock;
    }

    /** @return how many attempts were made */
    int calls() {
        return calls;
    }

    @Override
    public String apply(S3Client client) {
        calls++;
        clock.accept(duration);
        if (calls <= failures) {
            throw failure;
        }
        return "ok";
    }
}
