package io.github.statestore.spi;

/**
 * A stored document's (or lock entry's) bytes and the version token of exactly those bytes, as a
 * {@link Backend} reads them. The array is the caller's: a backend hands out a copy of what it keeps.
 *
 * @param bytes the bytes
 * @param version the backend's non-empty token for this content: a digest of the bytes, an ETag, a row
 *     version
 */
public record Entry(byte[] bytes, String version) {
}
