package io.github.statestore.s3;

import java.time.Duration;

/** Duration arithmetic that cannot overflow. Stateless and thread-safe. */
final class Durations {
    private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);

    private Durations() {
    }

    /** @return the duration in nanoseconds, {@link Long#MAX_VALUE} for any longer than about 292 years */
    static long saturatedNanos(Duration d) {
        return d.compareTo(LONGEST) >= 0 ? Long.MAX_VALUE : d.toNanos();
    }
}
