package io.github.statestore.bench.memorys3;

/**
 * An S3 error answer: the HTTP status and S3's error code and message, sent as S3's {@code <Error>} XML
 * (or, to a HEAD, as the status alone).
 */
final class S3Error extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    S3Error(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static S3Error noSuchBucket(String bucket) {
        return new S3Error(404, "NoSuchBucket", "The specified bucket does not exist: " + bucket);
    }

    static S3Error noSuchKey(String key) {
        return new S3Error(404, "NoSuchKey", "The specified key does not exist: " + key);
    }

    static S3Error preconditionFailed(String condition) {
        return new S3Error(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not "
                + "hold: " + condition);
    }

    static S3Error badRequest(String code, String message) {
        return new S3Error(400, code, message);
    }

    static S3Error notImplemented(String what) {
        return new S3Error(501, "NotImplemented", "This in-memory S3 subset does not implement " + what);
    }

    /** {@return the HTTP status} */
    int status() {
        return status;
    }

    /** {@return S3's error code, such as {@code NoSuchKey}} */
    String code() {
        return code;
    }
}
