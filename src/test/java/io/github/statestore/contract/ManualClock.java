package io.github.statestore.contract;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until a test moves it, for history that ages without waiting. Thread-safe.
 */
public final class ManualClock extends Clock {
    private volatile Instant now;

    /**
     * Creates the clock.
     *
     * @param start the time it shows until moved
     */
    public ManualClock(Instant start) {
        this.now = start;
    }

    /**
     * Moves the clock forward.
     *
     * @param by how far
     */
    public synchronized void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a manual clock has one zone, UTC");
    }

    @Override
    public String toString() {
        return "ManualClock{" + now + "}";
    }
}
