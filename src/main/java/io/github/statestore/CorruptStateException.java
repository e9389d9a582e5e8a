package io.github.statestore;

import io.github.statestore.internal.Text;

/**
 * A stored document that is not a valid state: invalid or truncated JSON, or a field of the wrong type.
 * Nothing is deleted or rewritten when this is thrown; other keys stay readable. Immutable and thread-safe.
 */
public class CorruptStateException extends StateStoreException {
    private static final long serialVersionUID = 1L;

    /** The key whose document is corrupt. */
    private final String key;
    /** Where the corrupt document lives: a file path or object URL. */
    private final String location;

    /**
     * Creates the exception.
     *
     * @param key the key whose document is corrupt
     * @param location where the document lives, such as a file path or {@code s3://bucket/object}
     * @param reason what is wrong with it
     * @param cause the parser's error, or {@code null}
     */
    public CorruptStateException(String key, String location, String reason, Throwable cause) {
        super("Corrupt state for key " + Text.quote(key) + " at " + location + ": " + reason, cause, false);
        this.key = key;
        this.location = location;
    }

    /**
     * The key whose document is corrupt.
     *
     * @return the key
     */
    public String getKey() {
        return key;
    }

    /**
     * Where the corrupt document lives.
     *
     * @return a file path or object URL
     */
    public String getLocation() {
        return location;
    }
}
