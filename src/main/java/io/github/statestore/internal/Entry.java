package io.github.statestore.internal;

/**
 * A stored document's bytes and the version token of exactly those bytes.
 *
 * @param bytes the document
 * @param version the backend's token for this content (an ETag, or {@link Digests#version} of the bytes)
 */
public record Entry(byte[] bytes, String version) {
}
