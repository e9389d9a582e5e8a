package io.github.statestore.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content versions for backends that have no ETag of their own. Stateless and thread-safe. */
public final class Digests {
    private Digests() {
    }

    /**
     * The version token of some content: its MD5 in hex between quotes, the form S3 gives a simple object's
     * ETag. A content check, not a security measure.
     *
     * @param bytes the content
     * @return the token
     */
    public static String version(byte[] bytes) {
        try {
            return '"' + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes)) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
