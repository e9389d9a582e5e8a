package io.github.statestore;

import io.github.statestore.internal.Text;

/**
 * A conditional write found the entry changed: {@link StateStore#setIf} or {@link StateStore#deleteIf} with
 * a version that is no longer current, or {@link StateStore#create} of a key that exists. Nothing was
 * written by the call: when an earlier attempt's answer was lost and the outcome cannot be told, the call
 * throws {@link OutcomeUnknownException} instead. Re-read and decide again, or use {@link StateStore#update}.
 * Immutable and thread-safe.
 */
public class ConflictException extends StateStoreException {
    private static final long serialVersionUID = 1L;

    /** The key. */
    private final String key;
    private final transient Version current;

    /**
     * Creates the exception.
     *
     * @param key the key
     * @param expected the version the caller expected, or {@code null} when it expected the key absent
     * @param current the current version when known, or {@code null} (absent, or not known)
     * @param operation the store operation
     */
    public ConflictException(String key, Version expected, Version current, String operation) {
        super(operation + " of key " + Text.quote(key) + " conflicted: expected "
                + (expected == null ? "no entry" : "version " + expected) + ", found "
                + (current == null ? "another state or none" : "version " + current), null, false);
        this.key = key;
        this.current = current;
    }

    /**
     * Creates the exception with a message of its own.
     *
     * @param key the key
     * @param message what conflicted
     */
    protected ConflictException(String key, String message) {
        super("Key " + Text.quote(key) + ": " + message, null, false);
        this.key = key;
        this.current = null;
    }

    /** {@return the key} */
    public String getKey() {
        return key;
    }

    /** {@return the entry's current version when the backend reported it, or {@code null}} */
    public Version getCurrentVersion() {
        return current;
    }
}
