package io.github.statestore;

/**
 * The backend kept answering "slow down" (S3's 503 SlowDown, or 429) for longer than the retry policy
 * allowed. Immutable and thread-safe.
 */
public class ThrottledException extends StoreUnavailableException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming bucket, key and operation
     * @param bucket the bucket
     * @param key the key involved, or {@code null}
     * @param attempts how many attempts were made
     * @param cause the last attempt's error
     */
    public ThrottledException(String message, String bucket, String key, int attempts, Throwable cause) {
        super(message, bucket, key, attempts, cause);
    }
}
