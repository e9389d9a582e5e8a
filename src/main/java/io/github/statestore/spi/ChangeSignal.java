package io.github.statestore.spi;

import java.time.Duration;

/**
 * A backend's word that a scope's documents may have changed, so that a watch looks at the scope at once
 * instead of at its next poll: the memory store's in-JVM notice, the FileSystem's file watching. Only a hint:
 * a watch still looks every poll interval, so a signal may miss changes, and may fire when nothing changed.
 * One watch uses one signal, from one thread; {@link #close()} is called from that thread once it is done.
 */
@FunctionalInterface
public interface ChangeSignal extends AutoCloseable {

    /**
     * Waits until the scope may have changed since this method last returned (or since the signal was made),
     * or until the timeout. Returns at once if a change came meanwhile.
     *
     * @param timeout the longest to wait
     * @return {@code true} when woken by a (possible) change, {@code false} when the time ran out
     * @throws InterruptedException if the thread is interrupted, which is how a watch is stopped
     */
    boolean await(Duration timeout) throws InterruptedException;

    /** Releases what the signal holds (an OS watch); the default holds nothing. */
    @Override
    default void close() {
    }

    /**
     * A signal that never fires: {@link #await} sleeps the whole timeout, so a watch only polls.
     *
     * @return the signal
     */
    static ChangeSignal none() {
        return timeout -> {
            Thread.sleep(timeout.toMillis(), timeout.toNanosPart() % 1_000_000);
            return false;
        };
    }
}
