package io.github.statestore.internal;

import io.github.statestore.InvalidConfigException;
import io.github.statestore.s3.RetryPolicy;
import io.github.statestore.s3.S3Config;
import io.github.statestore.spi.StoreUrl;

/** The URL parameters the S3 and R2 stores share, read once for both. Stateless and thread-safe. */
public final class S3UrlParameters {
    private S3UrlParameters() {
    }

    /**
     * Takes {@code maxConcurrency}, {@code attemptTimeout}, {@code requestTimeout}, {@code maxAttempts},
     * {@code historyVersions} and {@code historyFor} from a URL into a builder.
     *
     * @param url the parsed URL; the parameters are taken from it
     * @param b the builder to apply them to
     * @throws InvalidConfigException naming the URL's setting and the parameter, if a value is refused
     */
    public static void apply(StoreUrl url, S3Config.Builder b) {
        url.takeInt("maxConcurrency", b::maxConcurrency);
        url.takeDuration("attemptTimeout", b::attemptTimeout);
        url.takeDuration("requestTimeout", b::requestTimeout);
        url.takeInt("maxAttempts", n -> b.retryPolicy(RetryPolicy.builder().maxAttempts(n).build()));
        url.takeHistory(b::history);
    }
}
