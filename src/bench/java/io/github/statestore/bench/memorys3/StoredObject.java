package io.github.statestore.bench.memorys3;

import java.time.Instant;
import java.util.Map;

/**
 * One object as {@link MemoryS3} holds it: its bytes and what S3 answers about them.
 *
 * @param body the bytes, never changed after the object is stored
 * @param etag the quoted hex MD5 of the body, as S3 gives it for a single-part upload
 * @param contentType the {@code Content-Type} it was written with
 * @param userMetadata the {@code x-amz-meta-} headers it was written with, names lower-case and without
 *     the prefix
 * @param checksums the full-object checksums it was written with, such as {@code crc32} to its base64 value
 * @param lastModified when it was written
 */
record StoredObject(byte[] body, String etag, String contentType, Map<String, String> userMetadata,
        Map<String, String> checksums, Instant lastModified) {
}
