package io.github.statestore;

import io.github.statestore.internal.Text;

/**
 * A conditional write ({@link StateStore#create}, {@link StateStore#setIf}, {@link StateStore#deleteIf}, and
 * so {@link StateStore#update} and leases) whose outcome cannot be known: an attempt may have been applied
 * (its answer was lost: a dropped connection, a timeout, a {@code 500}), and the evidence that would tell is
 * gone, because the entry has since changed or could not be read. The write was applied once or not at all,
 * never twice; re-read the key to see which state it holds now.
 *
 * <p>{@link StateStore#update} does not retry it: retrying could apply the change a second time. Only stores
 * that talk to a server across a network throw it (S3, R2 and PostgreSQL); on the FileSystem, SQLite and
 * in-memory stores the outcome is always known. Not {@link #retryable()}: repeating the same call blindly is what it warns
 * against. Immutable and thread-safe.
 */
public class OutcomeUnknownException extends StateStoreException {
    private static final long serialVersionUID = 1L;

    /** The key (or lock name). */
    private final String key;

    /**
     * Creates the exception.
     *
     * @param key the key (or lock name)
     * @param operation the store operation, such as {@code setIf}
     * @param location where the entry lives, for the message
     * @param why what was seen after the lost answer
     * @param cause the error of the attempt whose answer was lost, or {@code null}
     */
    public OutcomeUnknownException(String key, String operation, String location, String why, Throwable cause) {
        super(operation + " of key " + Text.quote(key) + " at " + location + " may or may not have been applied: "
                + why + ". It was not applied twice; read the key to see its state", cause, false);
        this.key = key;
    }

    /** {@return the key (or lock name)} */
    public String getKey() {
        return key;
    }
}
