package io.github.statestore;

import io.github.statestore.internal.Text;

/**
 * A failure of the storage underneath a store (a disk or network error), naming the operation, the key when
 * there is one, and where. Immutable and thread-safe.
 */
public class StorageException extends StateStoreException {
    private static final long serialVersionUID = 1L;

    /** The store operation that failed. */
    private final String operation;
    /** The key involved, or {@code null} for whole-scope operations. */
    private final String key;

    /**
     * Creates the exception.
     *
     * @param operation the store operation that failed, such as {@code set}
     * @param key the key involved, or {@code null} for whole-scope operations
     * @param location where, such as a file path or bucket URL
     * @param cause the underlying error
     * @param retryable whether repeating the call may succeed
     */
    public StorageException(String operation, String key, String location, Throwable cause, boolean retryable) {
        super(operation + (key == null ? "" : " of key " + Text.quote(key)) + " failed at " + location + ": "
                + describe(cause), cause, retryable);
        this.operation = operation;
        this.key = key;
    }

    private static String describe(Throwable cause) {
        return cause == null ? "unknown error" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /**
     * The store operation that failed.
     *
     * @return an operation name such as {@code set} or {@code list}
     */
    public String getOperation() {
        return operation;
    }

    /**
     * The key involved.
     *
     * @return the key, or {@code null} for whole-scope operations such as {@code list}
     */
    public String getKey() {
        return key;
    }
}
