package io.github.statestore;

/**
 * The backend rejected the credentials themselves (an unknown access key id or a wrong secret), or there were
 * none to send. The message never contains the credentials. Immutable and thread-safe.
 */
public class AuthenticationException extends StateStoreException {
    private static final long serialVersionUID = 1L;

    /** The bucket, or the JDBC store's table. */
    private final String bucket;

    /**
     * Creates the exception.
     *
     * @param bucket the bucket, or the JDBC store's table
     * @param operation the store operation
     * @param reason the backend's error code, such as {@code SignatureDoesNotMatch}
     * @param cause the backend's error
     */
    public AuthenticationException(String bucket, String operation, String reason, Throwable cause) {
        super(operation + " on bucket '" + bucket + "' failed: the credentials were rejected (" + reason
                + "); check the access key id and secret access key", cause, false);
        this.bucket = bucket;
    }

    /**
     * Creates the exception for credentials that could not be found at all.
     *
     * @param bucket the bucket, or the JDBC store's table
     * @param message what was looked for and where, naming the operation and the bucket
     * @param cause the backend's error
     */
    public AuthenticationException(String bucket, String message, Throwable cause) {
        super(message, cause, false);
        this.bucket = bucket;
    }

    /** {@return the bucket, or the JDBC store's table (such as {@code statestore_entries})} */
    public String getBucket() {
        return bucket;
    }
}
