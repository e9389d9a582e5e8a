package io.github.statestore;

import java.time.Instant;

/**
 * A held lock on a name in one scope, from {@link StateStore#lock}. While held it is renewed in the background
 * before it expires; {@link #onLost} tells when it is lost all the same; {@link #close()} releases it. Every
 * acquisition gets a fencing token larger than any earlier one for that name, and {@link #set} writes only
 * while no later holder has written: a holder that stalled past its expiry (a long GC pause, a stopped
 * process) cannot overwrite its successor's work.
 *
 * <pre>{@code
 * try (Lease lease = store.lock("deploy", Duration.ofSeconds(30))) {
 *     State current = store.get("api").orElseThrow();
 *     lease.set("api", current.toBuilder().seq(current.seq() + 1).build());
 * }
 * }</pre>
 *
 * Implementations are thread-safe.
 */
public interface Lease extends AutoCloseable {

    /** {@return the lock's name} */
    String name();

    /** {@return who holds it: this process, with this acquisition's id} */
    LeaseOwner owner();

    /** {@return this acquisition's fencing token; a later holder of the same name always has a larger one} */
    long fencingToken();

    /** {@return when the lease expires unless renewed; moves forward with each renewal} */
    Instant expiresAt();

    /**
     * Whether this lease is still held as far as this process can tell: not released, not taken over (a
     * renewal found another holder), and not past its expiry by this machine's clock.
     *
     * @return {@code true} while held
     */
    boolean isHeld();

    /**
     * A fenced write: writes the state only if this lease is still held and no later holder of the lock has
     * written the key. The document records the lock's name and this lease's token in its {@code @fence}
     * field, so that a stale holder's later write is refused.
     *
     * @param key the key
     * @param state the state
     * @return the version written
     * @throws FencedException if the lease is no longer held, or a later holder wrote the key
     * @throws InvalidStateException if the state is past the limits every stored document keeps; nothing is
     *     written
     */
    Version set(String key, State state);

    /**
     * Registers a listener told once when this lease is lost: taken over by another holder, broken, or expired
     * because it could not be renewed (see {@link LeaseLossListener}). A lease released with {@link #close()}
     * is not lost. If the lease is already lost, the listener is called at once, on this thread.
     *
     * @param listener the listener
     * @throws InvalidArgumentException if {@code listener} is null
     */
    void onLost(LeaseLossListener listener);

    /** Stops renewing and releases the lock, keeping its fencing token for the next holder. Idempotent. */
    @Override
    void close();
}
