package io.github.statestore.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Proves the exponential full-jitter arithmetic: zero to a ceiling that doubles per attempt up to the maximum. */
class BackoffTest {
    private static final double ALMOST_ONE = Math.nextDown(1.0);
    private static final Duration BASE = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofSeconds(20);

    private static Backoff backoff(Duration base, Duration max, double random) {
        return Backoff.exponentialFullJitter(base, max, () -> random);
    }

    /** The delay for a random number just below 1, which is the ceiling less at most a nanosecond of rounding. */
    private static long ceilingNanos(Duration base, Duration max, int attempt) {
        return backoff(base, max, ALMOST_ONE).delay(attempt).toNanos() + 1;
    }

    @Test
    void randomZeroGivesNoDelay() {
        for (int attempt = 1; attempt <= 70; attempt++) {
            assertEquals(Duration.ZERO, backoff(BASE, MAX, 0).delay(attempt), "attempt " + attempt);
        }
    }

    @Test
    void randomNearOneGivesTheCeilingThatDoublesPerAttempt() {
        assertEquals(100_000_000L, ceilingNanos(BASE, MAX, 1));
        assertEquals(200_000_000L, ceilingNanos(BASE, MAX, 2));
        assertEquals(400_000_000L, ceilingNanos(BASE, MAX, 3));
        assertEquals(12_800_000_000L, ceilingNanos(BASE, MAX, 8));
    }

    @Test
    void theCeilingIsCappedAtTheMaximum() {
        assertEquals(MAX.toNanos(), ceilingNanos(BASE, MAX, 9));
        assertEquals(MAX.toNanos(), ceilingNanos(BASE, MAX, 30));
    }

    @Test
    void jitterScalesTheCeilingLinearly() {
        assertEquals(Duration.ofMillis(50), backoff(BASE, MAX, 0.5).delay(1));
        assertEquals(Duration.ofMillis(100), backoff(BASE, MAX, 0.25).delay(3));
        assertEquals(Duration.ofSeconds(15), backoff(BASE, MAX, 0.75).delay(12));
    }

    @Test
    void hugeAttemptNumbersNeitherOverflowNorGoNegative() {
        for (int attempt : new int[] {62, 63, 64, 65, 100, 1000, Integer.MAX_VALUE}) {
            assertEquals(MAX.toNanos(), ceilingNanos(BASE, MAX, attempt), "attempt " + attempt);
            assertEquals(Duration.ofSeconds(10), backoff(BASE, MAX, 0.5).delay(attempt), "attempt " + attempt);
        }
    }

    @Test
    void aBaseAboveTheMaximumIsCappedFromTheFirstAttempt() {
        Duration max = Duration.ofMillis(50);
        assertEquals(max.toNanos(), ceilingNanos(Duration.ofSeconds(1), max, 1));
        assertEquals(max.toNanos(), ceilingNanos(Duration.ofSeconds(1), max, 1000));
    }

    @Test
    void aZeroBaseNeverWaits() {
        assertEquals(Duration.ZERO, backoff(Duration.ZERO, MAX, ALMOST_ONE).delay(1));
        assertEquals(Duration.ZERO, backoff(Duration.ZERO, MAX, ALMOST_ONE).delay(1000));
    }

    @Test
    void theLargestDurationsDoNotOverflow() {
        Duration huge = Duration.ofSeconds(Long.MAX_VALUE);
        assertEquals(Long.MAX_VALUE / 2, backoff(huge, huge, 0.5).delay(1).toNanos(), 1e6);
    }
}
