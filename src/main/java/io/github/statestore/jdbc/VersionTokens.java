package io.github.statestore.jdbc;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * The version tokens of a JDBC store's rows, which also carry a document's expiry, so that the expiry is
 * written in the same statement as the document and needs no column of its own: 16 random URL-safe Base64
 * characters ({@code A-Z a-z 0-9 - _}, never a {@code .}), then, for a document that expires,
 * {@code .e} and its expiry in milliseconds since the epoch ({@code Qm9vaF9yYW5kb20x.e1767225600000}). A token
 * is opaque to everything else: callers compare it whole. Stateless and thread-safe.
 */
final class VersionTokens {
    /** What separates the random part from the expiry; the random part never holds a {@code .}. */
    static final String EXPIRY = ".e";
    /** A SQL {@code LIKE} pattern matching exactly the tokens with an expiry. */
    static final String WITH_EXPIRY = "%" + EXPIRY + "%";
    private static final SecureRandom RANDOM = new SecureRandom();

    private VersionTokens() {
    }

    /**
     * {@return a new token, unique among every write's}
     *
     * @param expiresAt when the written document expires, or {@code null} for never
     */
    static String next(Instant expiresAt) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        String random = Base64.getUrlEncoder().encodeToString(bytes);
        return expiresAt == null ? random : random + EXPIRY + expiresAt.toEpochMilli();
    }

    /**
     * {@return the expiry a token carries, to the millisecond, or {@code null} when it carries none} A token
     * this store did not write carries none.
     *
     * @param token a row's version
     */
    static Instant expiresAt(String token) {
        int at = token.indexOf(EXPIRY);
        if (at < 0) {
            return null;
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(token.substring(at + EXPIRY.length())));
        } catch (NumberFormatException notOurs) {
            return null;
        }
    }
}
