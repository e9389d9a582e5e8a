package io.github.statestore;

import io.github.statestore.internal.Text;

/**
 * A scope name that {@link Scope} refuses: empty, holding {@code /} or control characters, {@code .} or
 * {@code ..}, too long, or reserved for the stores' own entries and files. Immutable and thread-safe.
 */
public class InvalidScopeException extends StateStoreException {
    private static final long serialVersionUID = 1L;

    /** The offending scope name, as the caller gave it. */
    private final String name;

    /**
     * Creates the exception.
     *
     * @param name the offending scope name (may be {@code null})
     * @param reason why it is rejected
     */
    public InvalidScopeException(String name, String reason) {
        super("Invalid scope name " + Text.quote(name) + ": " + reason);
        this.name = name;
    }

    /**
     * The offending scope name.
     *
     * @return the name as the caller gave it, possibly {@code null}
     */
    public String getName() {
        return name;
    }
}
