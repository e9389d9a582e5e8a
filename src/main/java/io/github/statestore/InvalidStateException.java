package io.github.statestore;

/**
 * A {@link State} that cannot be stored as JSON: a missing required field, or a value of a type JSON has no
 * form for (such as {@code NaN}) at the named JSON path. Immutable and thread-safe.
 */
public class InvalidStateException extends StateStoreException {
    private static final long serialVersionUID = 1L;

    private final String path;

    /**
     * Creates the exception.
     *
     * @param path the JSON path of the offending value, such as {@code props.ports[2]}
     * @param reason why it is rejected
     */
    public InvalidStateException(String path, String reason) {
        this(path, reason, null);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param path the JSON path of the offending value, such as {@code $} for the whole document
     * @param reason why it is rejected
     * @param cause the parser's error, or {@code null}
     */
    public InvalidStateException(String path, String reason, Throwable cause) {
        super("Invalid state at " + path + ": " + reason, cause, false);
        this.path = path;
    }

    /**
     * The JSON path of the offending value.
     *
     * @return a path such as {@code props.ports[2]}
     */
    public String getPath() {
        return path;
    }
}
