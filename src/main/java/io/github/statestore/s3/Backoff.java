package io.github.statestore.s3;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before the next attempt. Thread-safe when its random source is.
 */
@FunctionalInterface
public interface Backoff {

    /**
     * The delay before attempt {@code attempt + 1}.
     *
     * @param attempt the attempt that just failed, from 1
     * @return the delay, never negative
     */
    Duration delay(int attempt);

    /**
     * Exponential backoff with full jitter (AWS's recommendation): a uniformly random delay between zero and
     * {@code min(max, base × 2^(attempt-1))}.
     *
     * @param base the ceiling of the first delay
     * @param max the ceiling of every delay
     * @param random a source of numbers in {@code [0, 1)}, such as {@code ThreadLocalRandom.current()::nextDouble}
     * @return the backoff
     */
    static Backoff exponentialFullJitter(Duration base, Duration max, DoubleSupplier random) {
        long baseNanos = Durations.saturatedNanos(base);
        long maxNanos = Durations.saturatedNanos(max);
        return attempt -> {
            int doublings = Math.max(0, Math.min(attempt - 1, 62));
            long ceiling = baseNanos > (maxNanos >> doublings) ? maxNanos : Math.min(maxNanos, baseNanos << doublings);
            return Duration.ofNanos((long) (random.getAsDouble() * ceiling));
        };
    }
}
