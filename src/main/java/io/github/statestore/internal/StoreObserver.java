package io.github.statestore.internal;

/**
 * What a store reports its operations and leases to, when its config was observed
 * ({@link io.github.statestore.observation.StoreObservation}). It names no type of the tool behind it, so the
 * store core loads without that tool; only its implementation does. Implementations are thread-safe.
 */
public interface StoreObserver {

    /**
     * Starts one store operation on the calling thread, which also stops it.
     *
     * @param operation the {@link io.github.statestore.StateStore} method, such as {@code get}
     * @return the started operation, current on this thread until it is stopped
     */
    Tracker operation(String operation);

    /**
     * Starts following a lease from its acquisition to its release or loss.
     *
     * @param name the lock's name
     * @return the started lease
     */
    Tracker lease(String name);

    /** One started operation or lease. Thread-safe. */
    interface Tracker {

        /**
         * Records that something happened, such as a retry or a renewal.
         *
         * @param name the event's name
         */
        void event(String name);

        /**
         * Stops it; called once.
         *
         * @param outcome how it ended, one of a few fixed words
         * @param error the exception it ended with, or {@code null}
         * @param bytesRead the bytes it read from the storage
         * @param bytesWritten the bytes it wrote to the storage
         */
        void stop(String outcome, Throwable error, long bytesRead, long bytesWritten);
    }
}
