package io.github.statestore;

/**
 * Learns that a lease is gone as soon as this process finds out, rather than at the holder's next
 * {@link Lease#set}: register it with {@link Lease#onLost}. The background renewal finds a loss within a
 * third of the lease's ttl (it renews that often), so a holder can stop work that the lock no longer
 * protects.
 *
 * <pre>{@code
 * Lease lease = store.lock("deploy", Duration.ofSeconds(30));
 * lease.onLost((lost, cause) -> System.err.println("lost " + lost.name() + ": " + cause));
 * }</pre>
 *
 * <p>It is called once per lease, on the thread that found the loss (the store's renewal thread, or the caller
 * of {@link Lease#set}), or at once on the registering thread if the lease was already lost. It should return
 * quickly and not block: the store's other leases are renewed on the same thread. An exception it throws is
 * logged at WARN and otherwise ignored. Implementations must be thread-safe if registered with several leases.
 */
@FunctionalInterface
public interface LeaseLossListener {

    /**
     * Called when the lease is lost.
     *
     * @param lease the lost lease; {@link Lease#isHeld()} is now {@code false}
     * @param cause why it was lost
     */
    void leaseLost(Lease lease, Cause cause);

    /** Why a lease was lost. */
    enum Cause {
        /** Another holder took the lock: its entry records a later acquisition. */
        TAKEN_OVER,
        /** The lock was broken: its entry was released by someone else (a {@code forceUnlock}) or removed. */
        BROKEN,
        /** The lease expired: renewals failed (the storage could not be reached) until its expiry had passed. */
        EXPIRED
    }
}
