package io.github.statestore;

/**
 * An argument that is not a key, a scope name or a config setting (those have {@link InvalidKeyException},
 * {@link InvalidScopeException} and {@link InvalidConfigException}) and that the call cannot use: a
 * {@code null} state, version, scope, function or collection, or a value out of range. Thrown before anything
 * is read or written. Immutable and thread-safe.
 */
public class InvalidArgumentException extends StateStoreException {
    private static final long serialVersionUID = 1L;

    /** The name of the offending parameter. */
    private final String parameter;

    /**
     * Creates the exception.
     *
     * @param parameter the name of the offending parameter, such as {@code state}
     * @param reason what is wrong with its value
     */
    public InvalidArgumentException(String parameter, String reason) {
        super("Invalid argument " + parameter + ": " + reason);
        this.parameter = parameter;
    }

    /**
     * The name of the offending parameter.
     *
     * @return a parameter name such as {@code expected}
     */
    public String getParameter() {
        return parameter;
    }
}
