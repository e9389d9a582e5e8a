package io.github.statestore;

/**
 * The backend could not be reached or kept failing (connection refused or reset, timeouts, 5xx answers,
 * throttling) through every attempt the retry policy allowed. Retryable: a later call may succeed.
 * Immutable and thread-safe.
 */
public class StoreUnavailableException extends StateStoreException {
    private static final long serialVersionUID = 1L;

    /** The bucket, or the JDBC store's table. */
    private final String bucket;
    /** The key involved, or {@code null}. */
    private final String key;
    /** How many attempts were made before giving up. */
    private final int attempts;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming bucket, key and operation
     * @param bucket the bucket, or the JDBC store's table
     * @param key the key involved, or {@code null}
     * @param attempts how many attempts were made
     * @param cause the last attempt's error
     */
    public StoreUnavailableException(String message, String bucket, String key, int attempts, Throwable cause) {
        super(message, cause, true);
        this.bucket = bucket;
        this.key = key;
        this.attempts = attempts;
    }

    /** {@return the bucket, or the JDBC store's table (such as {@code statestore_entries})} */
    public String getBucket() {
        return bucket;
    }

    /** {@return the key involved, or {@code null}} */
    public String getKey() {
        return key;
    }

    /** {@return how many attempts were made before giving up} */
    public int getAttempts() {
        return attempts;
    }
}
