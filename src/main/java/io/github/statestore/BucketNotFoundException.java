package io.github.statestore;

/** The configured bucket does not exist. The message says how to create it. Immutable and thread-safe. */
public class BucketNotFoundException extends StateStoreException {
    private static final long serialVersionUID = 1L;

    /** The missing bucket. */
    private final String bucket;

    /**
     * Creates the exception.
     *
     * @param bucket the missing bucket
     * @param operation the store operation that found it missing
     * @param cause the backend's error
     */
    public BucketNotFoundException(String bucket, String operation, Throwable cause) {
        super(operation + " failed: bucket '" + bucket + "' does not exist. Create it (aws s3 mb s3://" + bucket
                + ", or in the Cloudflare dashboard for R2), or open the store from a config with createBucket(true) "
                + "(createBucket=true in a URL), which creates it when the store opens", cause, false);
        this.bucket = bucket;
    }

    /** {@return the missing bucket} */
    public String getBucket() {
        return bucket;
    }
}
