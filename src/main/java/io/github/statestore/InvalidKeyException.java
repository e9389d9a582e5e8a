package io.github.statestore;

import io.github.statestore.internal.Text;

/**
 * A key that the store cannot hold: empty, {@code .} or {@code ..}, too long once encoded (on S3 and R2, an
 * object key over 1,024 bytes with prefix and scope), or holding control characters or unpaired surrogates.
 * Thrown before anything is read or written. Immutable and thread-safe.
 */
public class InvalidKeyException extends StateStoreException {
    private static final long serialVersionUID = 1L;

    /** The offending key, as the caller gave it. */
    private final String key;

    /**
     * Creates the exception.
     *
     * @param key the offending key, as the caller gave it (may be {@code null})
     * @param reason why it is rejected
     */
    public InvalidKeyException(String key, String reason) {
        super("Invalid key " + Text.quote(key) + ": " + reason);
        this.key = key;
    }

    /**
     * The offending key.
     *
     * @return the key as the caller gave it, possibly {@code null}
     */
    public String getKey() {
        return key;
    }
}
