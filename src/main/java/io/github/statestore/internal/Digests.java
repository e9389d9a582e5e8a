package io.github.statestore.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
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

    /**
     * The version token of content that expires: its {@link #version}, followed by {@code .e} and the expiry in
     * epoch milliseconds, so that the same bytes with another expiry (or none) are another version.
     *
     * @param digest the content's {@link #version}
     * @param expiresAt when it expires, or {@code null} for never
     * @return the token: {@code digest} itself when it does not expire
     */
    public static String withExpiry(String digest, Instant expiresAt) {
        return expiresAt == null ? digest : digest + ".e" + expiresAt.toEpochMilli();
    }
}
