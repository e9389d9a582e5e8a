package io.github.statestore;

import io.github.statestore.internal.Text;

/**
 * The credentials are valid but not allowed to do what the store asked. The message names the permission
 * needed (such as {@code s3:PutObject}). Immutable and thread-safe.
 */
public class AccessDeniedException extends StateStoreException {
    private static final long serialVersionUID = 1L;

    /** The bucket. */
    private final String bucket;
    /** The key involved, or {@code null}. */
    private final String key;
    /** The permission needed, such as {@code s3:PutObject}. */
    private final String action;

    /**
     * Creates the exception.
     *
     * @param bucket the bucket
     * @param key the key involved, or {@code null}
     * @param operation the store operation
     * @param action the permission needed, such as {@code s3:PutObject}
     * @param cause the backend's error
     */
    public AccessDeniedException(String bucket, String key, String operation, String action, Throwable cause) {
        super(operation + (key == null ? "" : " of key " + Text.quote(key)) + " was denied on bucket '" + bucket
                + "': the credentials need " + action + " on it", cause, false);
        this.bucket = bucket;
        this.key = key;
        this.action = action;
    }

    /** {@return the bucket} */
    public String getBucket() {
        return bucket;
    }

    /** {@return the key involved, or {@code null}} */
    public String getKey() {
        return key;
    }

    /** {@return the permission needed, such as {@code s3:PutObject}} */
    public String getAction() {
        return action;
    }
}
