package io.github.statestore.s3;

import io.github.statestore.StorageException;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * Checks that answers carry what S3 always sends, so that an endpoint that is not an S3 API (any HTTP server
 * that answers 200) fails at the first request, naming it, instead of a write "succeeding" with nothing
 * stored. Stateless and thread-safe.
 */
final class S3Answers {
    private final String endpoint;

    /** @param endpoint the endpoint, as the messages name it */
    S3Answers(String endpoint) {
        this.endpoint = endpoint;
    }

    /** {@return the checks for a config's endpoint: the one it sets, else AWS's} */
    static S3Answers of(S3Config config) {
        return new S3Answers(config.endpoint == null ? "AWS S3's endpoint" : "endpoint " + config.endpoint);
    }

    /**
     * @param etag the ETag of a PutObject or GetObject answer
     * @param request the request's name, such as {@code PutObject}
     * @return the ETag
     * @throws StorageException if there is none
     */
    String etag(String etag, S3Operation op, String key, String location, String request) {
        if (etag == null || etag.isEmpty()) {
            throw notS3(op, key, location, "its " + request + " answer has no ETag");
        }
        return etag;
    }

    /**
     * @param page a ListObjectsV2 answer
     * @param op the store operation that listed
     * @return the page
     * @throws StorageException if it is not a {@code ListBucketResult} document
     */
    ListObjectsV2Response listing(ListObjectsV2Response page, S3Operation op, String location) {
        if (page.isTruncated() == null) {
            throw notS3(op, null, location,
                    "its ListObjectsV2 answer is not a ListBucketResult document");
        }
        return page;
    }

    private StorageException notS3(S3Operation op, String key, String location, String what) {
        return new StorageException(op.storeName(), key, location, new NotAnS3ApiException(endpoint
                + " does not behave like an S3 API: " + what + ", which S3 always sends. Check the endpoint"),
                false);
    }

    /** The cause of a {@link StorageException} for an answer S3 never gives. */
    static final class NotAnS3ApiException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotAnS3ApiException(String message) {
            super(message);
        }
    }
}
