package io.github.statestore.contract;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition by polling it, with a bound: the hand-off for tests that wait for something another
 * thread or process does (a renewal, a release) rather than sleeping for a guessed time. Stateless and
 * thread-safe.
 */
public final class Await {
    private static final long POLL_MILLIS = 5;

    private Await() {
    }

    /**
     * Polls until the condition holds.
     *
     * @param what the condition, for the failure message
     * @param bound how long to wait at most
     * @param condition the condition
     * @throws AssertionError if it does not hold within the bound
     */
    public static void until(String what, Duration bound, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + bound + " for " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
