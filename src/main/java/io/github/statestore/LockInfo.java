package io.github.statestore;

import java.time.Instant;

/**
 * A lock of a scope as its entry records it, for inspection ({@link StateStore#locks()}, {@code statestore
 * locks}); holding it takes {@link StateStore#lock}. Immutable and thread-safe.
 *
 * @param name the lock's name
 * @param holder who took it last
 * @param fencingToken the token of that acquisition
 * @param acquiredAt when it was taken
 * @param expiresAt when it expires unless renewed, or when it was released
 * @param released whether its holder released it (or it was broken with {@link StateStore#forceUnlock})
 */
public record LockInfo(String name, LeaseOwner holder, long fencingToken, Instant acquiredAt, Instant expiresAt,
        boolean released) {

    /**
     * Whether the lock is held at an instant, by this machine's clock: not released and not expired.
     *
     * @param now the instant
     * @return {@code true} when another holder would be refused then
     */
    public boolean isHeldAt(Instant now) {
        return !released && expiresAt.isAfter(now);
    }
}
