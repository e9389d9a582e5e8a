package io.github.statestore.s3;

import io.github.statestore.AccessDeniedException;
import io.github.statestore.AuthenticationException;
import io.github.statestore.BucketNotFoundException;
import io.github.statestore.StateStoreException;
import io.github.statestore.StorageException;
import io.github.statestore.StoreUnavailableException;
import io.github.statestore.ThrottledException;
import io.github.statestore.internal.Text;
import java.io.IOException;
import java.net.ConnectException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one place where S3 errors are classified (retry or not) and mapped to this library's exceptions.
 * Stateless and thread-safe.
 */
final class S3Errors {
    private static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 500, 502, 503, 504);
    private static final Set<String> RETRYABLE_CODES = Set.of("SlowDown", "RequestTimeout", "InternalError",
            "ServiceUnavailable", "Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequests",
            "ConditionalRequestConflict");
    private static final Set<Integer> MAY_HAVE_APPLIED_STATUS = Set.of(500, 502, 504);
    private static final Set<String> CREDENTIAL_CODES = Set.of("InvalidAccessKeyId", "SignatureDoesNotMatch",
            "InvalidToken", "ExpiredToken", "TokenRefreshRequired", "InvalidSecurity");

    private S3Errors() {
    }

    /** Whether repeating the request may succeed. */
    static boolean isRetryable(SdkException e) {
        if (e instanceof AwsServiceException service) {
            return RETRYABLE_STATUS.contains(service.statusCode()) || RETRYABLE_CODES.contains(code(service));
        }
        return !hasCause(e, S3Credentials.Missing.class)
                && (e instanceof ApiCallAttemptTimeoutException || hasCause(e, IOException.class));
    }

    /**
     * Whether a failed request may have been applied although it failed: its answer was lost (a reset or
     * timed-out connection) or the server failed while acting ({@code 500}, or a gateway's {@code 502} or
     * {@code 504}). Throttling, a {@code 409 ConditionalRequestConflict}, any other error answer, and a
     * connection that was never made leave nothing applied.
     */
    static boolean mayHaveBeenApplied(SdkException e) {
        if (e instanceof AwsServiceException service) {
            return MAY_HAVE_APPLIED_STATUS.contains(service.statusCode()) && !isThrottling(e);
        }
        return isRetryable(e) && !hasCause(e, ConnectException.class);
    }

    /** Whether S3 asked us to slow down. */
    static boolean isThrottling(SdkException e) {
        return e instanceof AwsServiceException service
                && (service.statusCode() == 429 || "SlowDown".equals(code(service))
                        || code(service).startsWith("Throttl") || "TooManyRequests".equals(code(service)));
    }

    /** Whether S3 says the bucket does not exist. */
    static boolean isNoSuchBucket(SdkException e) {
        return e instanceof AwsServiceException service && "NoSuchBucket".equals(code(service));
    }

    /**
     * Maps a final failure to a library exception naming bucket, key and operation.
     *
     * @param attempts how many attempts were made
     */
    static StateStoreException map(S3Operation op, String bucket, String key, SdkException e, int attempts,
            String location) {
        String what = op.storeName() + (key == null ? "" : " of key " + Text.quote(key)) + " on bucket '" + bucket + "'";
        String tries = " after " + attempts + (attempts == 1 ? " attempt" : " attempts");
        if (e instanceof AwsServiceException service) {
            String code = code(service);
            if (isNoSuchBucket(e) || (op == S3Operation.INIT && service.statusCode() == 404)) {
                return new BucketNotFoundException(bucket, op.storeName(), e);
            }
            if (CREDENTIAL_CODES.contains(code)) {
                return new AuthenticationException(bucket, op.storeName(), code, e);
            }
            if (service.statusCode() == 403) {
                return new AccessDeniedException(bucket, key, op.storeName(), op.action(), e);
            }
            if (isThrottling(e)) {
                return new ThrottledException(what + " was throttled by S3 (" + code + ")" + tries, bucket, key,
                        attempts, e);
            }
            if (isRetryable(e)) {
                return new StoreUnavailableException(what + " failed with HTTP " + service.statusCode() + " "
                        + code + tries, bucket, key, attempts, e);
            }
            return new StorageException(op.storeName(), key, location, e, false);
        }
        if (isRetryable(e)) {
            return new StoreUnavailableException(what + " could not reach S3" + tries + ": " + rootMessage(e),
                    bucket, key, attempts, e);
        }
        S3Credentials.Missing missing = causeOf(e, S3Credentials.Missing.class);
        if (missing != null) {
            return new AuthenticationException(bucket, op.storeName() + " on bucket '" + bucket + "' failed: "
                    + missing.getMessage(), e);
        }
        if (e instanceof SdkClientException && String.valueOf(e.getMessage()).contains("credentials")) {
            return new AuthenticationException(bucket, op.storeName() + " on bucket '" + bucket + "' failed: "
                    + "the S3 client's credentials provider gave no credentials", e);
        }
        return new StorageException(op.storeName(), key, location, e, false);
    }

    private static String code(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return code == null ? "" : code;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        return causeOf(e, type) != null;
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
