package io.github.statestore;

import io.github.statestore.internal.Text;

/**
 * A secret could not be written or read: no password to encrypt it with, a wrong password or tampered
 * ciphertext, or a malformed envelope. Names the key and the JSON path of the secret; never the secret or the
 * password. Nothing is written when this is thrown. Immutable and thread-safe.
 */
public class SecretException extends StateStoreException {
    private static final long serialVersionUID = 1L;

    /** The key of the state holding the secret. */
    private final String key;
    /** The JSON path of the secret, such as {@code $.props.apiKey}. */
    private final String path;

    /**
     * Creates the exception.
     *
     * @param key the key of the state holding the secret
     * @param path the JSON path of the secret, such as {@code $.props.apiKey}
     * @param reason what went wrong
     */
    public SecretException(String key, String path, String reason) {
        super("Secret at " + path + " of key " + Text.quote(key) + ": " + reason);
        this.key = key;
        this.path = path;
    }

    /** {@return the key of the state holding the secret} */
    public String getKey() {
        return key;
    }

    /** {@return the JSON path of the secret, such as {@code $.props.apiKey}} */
    public String getPath() {
        return path;
    }
}
