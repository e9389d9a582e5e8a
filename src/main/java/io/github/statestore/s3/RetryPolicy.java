package io.github.statestore.s3;

import io.github.statestore.InvalidConfigException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the S3 and R2 stores retry a failed request: up to {@link #maxAttempts()} attempts in all, waiting a
 * random delay of up to {@code min(maxDelay, baseDelay × 2^(n-1))} after failure {@code n} (exponential
 * backoff with full jitter). Only transient failures are retried: throttling (503 SlowDown, 429), 500, 502,
 * 503, 504, connection refused or reset, and timeouts; never another 4xx.
 *
 * <p>Defaults: 6 attempts, 200 ms base, 20 s ceiling: the five waits have ceilings of 0.2, 0.4, 0.8, 1.6 and
 * 3.2 s, so a request gives up after about 3.1 s of waiting on average (6.2 s at most). For comparison: the AWS SDK's standard mode makes 3 attempts (100 ms base, 20 s
 * ceiling); Alchemy's S3 store makes 10 attempts from 1 s but only on throttling; OpenDAL's RetryLayer
 * retries 3 times from 1 s, doubling, up to 60 s. Immutable and thread-safe.
 */
public final class RetryPolicy {
    private static final RetryPolicy DEFAULTS = builder().build();

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.baseDelay = b.baseDelay;
        this.maxDelay = b.maxDelay;
    }

    /** {@return the default policy: 6 attempts, 200 ms base delay, 20 s maximum delay} */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** {@return a policy of one attempt: no retries} */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    /** {@return a builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the number of attempts in all, at least 1} */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** {@return the ceiling of the first delay} */
    public Duration baseDelay() {
        return baseDelay;
    }

    /** {@return the ceiling of every delay} */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** {@return this policy's backoff, jittered by {@link ThreadLocalRandom}} */
    public Backoff backoff() {
        return Backoff.exponentialFullJitter(baseDelay, maxDelay, () -> ThreadLocalRandom.current().nextDouble());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetryPolicy p && p.maxAttempts == maxAttempts && p.baseDelay.equals(baseDelay)
                && p.maxDelay.equals(maxDelay);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, baseDelay, maxDelay);
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay + "}";
    }

    /** Builds a {@link RetryPolicy}; each setter validates at once. Not thread-safe. */
    public static final class Builder {
        private int maxAttempts = 6;
        private Duration baseDelay = Duration.ofMillis(200);
        private Duration maxDelay = Duration.ofSeconds(20);

        private Builder() {
        }

        /**
         * Sets how many attempts a request gets.
         *
         * @param maxAttempts attempts in all, 1 to 100 (1 means no retries)
         * @return this builder
         * @throws InvalidConfigException if out of range
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1 || maxAttempts > 100) {
                throw new InvalidConfigException("retry.maxAttempts", "must be 1 to 100, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Sets the ceiling of the first delay.
         *
         * @param baseDelay the ceiling of the first delay, zero or more
         * @return this builder
         * @throws InvalidConfigException if null or negative
         */
        public Builder baseDelay(Duration baseDelay) {
            this.baseDelay = nonNegative("retry.baseDelay", baseDelay);
            return this;
        }

        /**
         * Sets the ceiling of every delay.
         *
         * @param maxDelay the ceiling of every delay, zero or more
         * @return this builder
         * @throws InvalidConfigException if null or negative
         */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = nonNegative("retry.maxDelay", maxDelay);
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         * @throws InvalidConfigException if {@code maxDelay} is less than {@code baseDelay}
         */
        public RetryPolicy build() {
            if (maxDelay.compareTo(baseDelay) < 0) {
                throw new InvalidConfigException("retry.maxDelay", "must be at least retry.baseDelay ("
                        + baseDelay + "), was " + maxDelay);
            }
            return new RetryPolicy(this);
        }

        private static Duration nonNegative(String setting, Duration d) {
            if (d == null || d.isNegative()) {
                throw new InvalidConfigException(setting, "must be zero or more, was " + d);
            }
            return d;
        }
    }
}
