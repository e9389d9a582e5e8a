package io.github.statestore.s3;

import io.github.statestore.InvalidKeyException;
import io.github.statestore.Scope;
import io.github.statestore.key.KeyCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where the S3 and R2 stores keep each key: {@code <prefix><scope names joined by "/">/<encoded key>}, with no
 * suffix, Alchemy's layout. Scope {@code my-app/dev} and key {@code api/database/connection} under the
 * default prefix give {@code alchemy/my-app/dev/api:database:connection}. Because encoded keys never hold
 * {@code /}, listing with the {@code /} delimiter returns exactly one scope's keys. Immutable and thread-safe.
 */
final class S3Layout {
    /** S3's limit on an object key, in UTF-8 bytes. */
    public static final int MAX_OBJECT_KEY_BYTES = 1024;
    /** The delimiter between scope names. */
    public static final String DELIMITER = "/";
    /** The longest name of a history entry, in bytes: the store's names are ASCII. */
    static final int MAX_HISTORY_NAME_BYTES = 255;
    /** What starts a key's segment when it is the key's hash; no encoded key holds it. */
    private static final String HASHED = "%~";

    private final String scopePrefix;
    private final String lockPrefix;
    private final String historyPrefix;
    private final String expiryPrefix;

    /**
     * Creates the layout of one scope.
     *
     * @param prefix the store's prefix, such as {@code alchemy/}; may be empty
     * @param scope the scope
     */
    public S3Layout(String prefix, Scope scope) {
        String chain = String.join(DELIMITER, scope.names()) + DELIMITER;
        this.scopePrefix = prefix + chain;
        this.lockPrefix = prefix + Scope.RESERVED_PREFIX + "locks" + DELIMITER + chain;
        this.historyPrefix = prefix + Scope.RESERVED_PREFIX + "history" + DELIMITER + chain;
        this.expiryPrefix = prefix + Scope.RESERVED_PREFIX + "expiry" + DELIMITER + chain;
    }

    /**
     * The prefix every object of this scope starts with.
     *
     * @return such as {@code alchemy/my-app/dev/}
     */
    public String scopePrefix() {
        return scopePrefix;
    }

    /**
     * The object key of a key.
     *
     * @param key the key
     * @return the object key
     * @throws InvalidKeyException if the key is invalid or the object key would exceed S3's limit
     */
    public String objectKey(String key) {
        return checkLength(key, scopePrefix + KeyCodec.encode(key));
    }

    private String checkLength(String key, String objectKey) {
        int bytes = objectKey.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_OBJECT_KEY_BYTES) {
            throw new InvalidKeyException(key, "its object key '" + scopePrefix + "…' would be " + bytes
                    + " UTF-8 bytes, more than S3's limit of " + MAX_OBJECT_KEY_BYTES
                    + "; use a shorter key, scope or prefix");
        }
        return objectKey;
    }

    /**
     * The object key of a lease's lock entry: {@code <prefix>%!locks/<scope chain>/<encoded name>}, outside
     * every scope's prefix (no scope name starts with {@code %!}), so neither this store's {@code list()} nor
     * Alchemy's ever sees it.
     *
     * @param name a lock name
     * @return the object key
     * @throws InvalidKeyException if the name is invalid or the object key too long
     */
    public String lockObjectKey(String name) {
        return checkLength(name, lockPrefix + KeyCodec.encode(name));
    }

    /**
     * The prefix of a key's history entries: {@code <prefix>%!history/<scope chain>/<encoded key>/}, outside
     * every scope's prefix, as lock entries are, so that neither this store's {@code list()} nor Alchemy's sees
     * them. A key whose entries' object keys could pass S3's limit (an entry's name holds up to 255 bytes) is
     * named by {@code %~} and the SHA-256 of the key in hex instead; no encoded key contains {@code %~}.
     *
     * @param key a valid key
     * @return the prefix, ending in {@code /}
     */
    public String historyPrefix(String key) {
        return keyPrefix(historyPrefix, key, MAX_HISTORY_NAME_BYTES);
    }

    /**
     * The prefix every expiry mark of this scope starts with: {@code <prefix>%!expiry/<scope chain>/}, outside
     * every scope's prefix, as history entries are. A nested scope's marks lie below it too, one level deeper.
     *
     * @return the prefix, ending in {@code /}
     */
    public String expiryPrefix() {
        return expiryPrefix;
    }

    /**
     * The prefix of a key's expiry marks: {@code <expiryPrefix()><encoded key>/}, or, for a key whose marks'
     * object keys could pass S3's limit, {@code <expiryPrefix()>%~<SHA-256 of the key in hex>/}, as
     * {@link #historyPrefix} names long keys.
     *
     * @param key a valid key
     * @param nameBytes the length of the marks' names, in bytes
     * @return the prefix, ending in {@code /}
     */
    public String expiryMarkPrefix(String key, int nameBytes) {
        return keyPrefix(expiryPrefix, key, nameBytes);
    }

    /** {@return whether a segment below {@link #expiryPrefix()} names a key by its hash} */
    static boolean isHashed(String segment) {
        return segment.startsWith(HASHED);
    }

    private static String keyPrefix(String namespace, String key, int nameBytes) {
        String full = namespace + KeyCodec.encode(key) + DELIMITER;
        if (full.getBytes(StandardCharsets.UTF_8).length + nameBytes <= MAX_OBJECT_KEY_BYTES) {
            return full;
        }
        return namespace + HASHED + sha256(key) + DELIMITER;
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** {@return the prefix every lock entry of this scope starts with} */
    public String lockPrefix() {
        return lockPrefix;
    }

    /**
     * The lock name of an object key listed under {@link #lockPrefix()}.
     *
     * @param objectKey an object key
     * @return the lock name, or {@code null} if the object is not a lock entry of this scope
     */
    public String lockNameOf(String objectKey) {
        if (!objectKey.startsWith(lockPrefix) || objectKey.indexOf(DELIMITER, lockPrefix.length()) >= 0) {
            return null;
        }
        try {
            return KeyCodec.decode(objectKey.substring(lockPrefix.length()));
        } catch (InvalidKeyException notOurs) {
            return null;
        }
    }

    /**
     * The key of an object key listed under {@link #scopePrefix()}.
     *
     * @param objectKey an object key
     * @return the key, or {@code null} if the object is not one this layout writes for this scope
     */
    public String keyOf(String objectKey) {
        if (!objectKey.startsWith(scopePrefix)) {
            return null;
        }
        String encoded = objectKey.substring(scopePrefix.length());
        if (encoded.contains(DELIMITER)) {
            return null;
        }
        try {
            return KeyCodec.decode(encoded);
        } catch (InvalidKeyException notOurs) {
            return null;
        }
    }
}
