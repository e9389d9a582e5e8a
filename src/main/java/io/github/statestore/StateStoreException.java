package io.github.statestore;

/**
 * The root of every error this library throws. Unchecked, so that callers handle only what they can act on;
 * catch a subclass ({@link InvalidKeyException}, {@link CorruptStateException}, {@link StorageException}, …)
 * for its context.
 *
 * <p>{@link #retryable()} says whether repeating the same call may succeed (a transient outage), as the AWS
 * SDK's {@code SdkException.retryable()} does. Instances are immutable and thread-safe.
 */
public class StateStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Whether repeating the same call may succeed. */
    private final boolean retryable;

    /**
     * Creates an exception that is not retryable.
     *
     * @param message what went wrong, naming the key, scope, bucket or setting involved
     */
    public StateStoreException(String message) {
        this(message, null, false);
    }

    /**
     * Creates an exception.
     *
     * @param message what went wrong, naming the key, scope, bucket or setting involved
     * @param cause the underlying error, or {@code null}
     * @param retryable whether repeating the same call may succeed
     */
    public StateStoreException(String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    /**
     * Whether repeating the same call may succeed.
     *
     * @return {@code true} for transient failures such as throttling or a dropped connection
     */
    public boolean retryable() {
        return retryable;
    }
}
