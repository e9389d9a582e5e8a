package io.github.statestore;

import io.github.statestore.internal.Text;

/**
 * A {@link State} that cannot be stored as JSON: a missing required field, a value of a type JSON has no
 * form for (such as {@code NaN}), or a value past the limits every stored document keeps so that it reads
 * back (docs/state-format.md, "Limits"), at the named JSON path. Nothing is written when a store throws it.
 * Immutable and thread-safe.
 */
public class InvalidStateException extends StateStoreException {
    private static final long serialVersionUID = 1L;

    /** The key the state was to be written under, or {@code null} when it was refused before any write. */
    private final String key;
    /** The JSON path of the offending value. */
    private final String path;

    /**
     * Creates the exception for a state not (yet) written under a key.
     *
     * @param path the JSON path of the offending value, such as {@code $.props.ports[2]}
     * @param reason why it is rejected
     */
    public InvalidStateException(String path, String reason) {
        this(null, path, reason, null);
    }

    /**
     * Creates the exception for a state refused when written under a key.
     *
     * @param key the key it was to be written under
     * @param path the JSON path of the offending value, such as {@code $.props.ports[2]}
     * @param reason why it is rejected
     */
    public InvalidStateException(String key, String path, String reason) {
        this(key, path, reason, null);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param key the key it was to be written under, or {@code null} when there is none
     * @param path the JSON path of the offending value, such as {@code $} for the whole document
     * @param reason why it is rejected
     * @param cause the parser's error, or {@code null}
     */
    public InvalidStateException(String key, String path, String reason, Throwable cause) {
        super("Invalid state " + (key == null ? "" : "for key " + Text.quote(key) + " ") + "at " + path + ": "
                + reason, cause, false);
        this.key = key;
        this.path = path;
    }

    /**
     * The key the state was to be written under.
     *
     * @return the key, or {@code null} when the state was refused before any write (by its builder, or
     *     {@link State#toJson()})
     */
    public String getKey() {
        return key;
    }

    /**
     * The JSON path of the offending value.
     *
     * @return a path such as {@code $.props.ports[2]}
     */
    public String getPath() {
        return path;
    }
}
