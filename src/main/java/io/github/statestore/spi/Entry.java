package io.github.statestore.spi;

import java.time.Instant;

/**
 * A stored document's (or lock entry's) bytes, the version token of exactly those bytes, and the document's
 * expiry, as a {@link Backend} reads them. The array is the caller's: a backend hands out a copy of what it keeps.
 *
 * @param bytes the bytes
 * @param version the backend's non-empty token for this content: a digest of the bytes, an ETag, a row
 *     version
 * @param expiresAt when the document expires, as written with it ({@link Backend#keepsExpiry()}), or
 *     {@code null} when it does not (always for lock entries and for backends that keep no expiry)
 */
public record Entry(byte[] bytes, String version, Instant expiresAt) {

    /**
     * An entry that does not expire.
     *
     * @param bytes the bytes
     * @param version the version token
     */
    public Entry(byte[] bytes, String version) {
        this(bytes, version, (Instant) null);
    }
}
