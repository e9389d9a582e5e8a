package io.github.statestore.spi;

import java.time.Instant;

/**
 * A stored document's bytes and its expiry, without its version: what {@link Backend#readDocument} returns for
 * reads that need no version. The array is the caller's.
 *
 * @param bytes the bytes
 * @param expiresAt when the document expires, as written with it, or {@code null} when it does not
 */
public record Document(byte[] bytes, Instant expiresAt) {
}
