package io.github.statestore.s3;

import io.github.statestore.InvalidKeyException;
import io.github.statestore.Scope;
import io.github.statestore.key.KeyCodec;
import java.nio.charset.StandardCharsets;

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

    private final String scopePrefix;
    private final String lockPrefix;

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
