package io.github.statestore.s3;

import io.github.statestore.ConflictException;
import io.github.statestore.OutcomeUnknownException;
import io.github.statestore.StateStoreException;
import io.github.statestore.spi.Conflicts;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * S3's conditional writes, each applied exactly once and reported so, or reported as a conflict and not
 * applied, or, only when that cannot be known, reported with {@link OutcomeUnknownException}.
 *
 * <p>A retried attempt may meet a {@code 412} caused by an earlier attempt of the same call that landed
 * although its answer was lost. To recognize its own write, every conditional PUT carries a random write id
 * in the object's user metadata ({@value #WRITE_ID}), outside the JSON document; after a {@code 412} that
 * follows a lost answer, the object's metadata is read: our write id means the write is ours and succeeded.
 * Comparing bytes instead would take another writer's identical document for ours. Only the answers that
 * may hide an applied write count as lost: a reset or timed-out connection, a {@code 500}, {@code 502} or
 * {@code 504}; a throttling {@code 503}, a {@code 409 ConditionalRequestConflict} or a refused connection
 * leaves nothing applied. Thread-safe.
 */
final class ConditionalWrites {
    /** The user-metadata entry ({@code x-amz-meta-statestore-write}) naming the conditional write. */
    static final String WRITE_ID = "statestore-write";
    private static final int PRECONDITION_FAILED = 412;
    private static final int NOT_FOUND = 404;

    private final RetryingS3Client s3;
    private final S3Answers answers;

    ConditionalWrites(RetryingS3Client s3, S3Answers answers) {
        this.s3 = s3;
        this.answers = answers;
    }

    /**
     * A PUT with {@code If-Match: expected}, or {@code If-None-Match: *} when {@code expected} is null.
     *
     * @param op the store operation, for messages
     * @param key the key or lock name, for messages
     * @param request the request to send, without its condition; the write id joins its user metadata
     * @param document the bytes to store
     * @param expected the ETag the object must have, or {@code null} if it must be absent
     * @return the written object's ETag
     * @throws ConflictException if the object is not as expected; nothing was written
     * @throws OutcomeUnknownException if an answer was lost and the object then changed
     */
    String put(S3Operation op, String key, PutObjectRequest.Builder request, byte[] document, String expected) {
        String writeId = UUID.randomUUID().toString();
        Map<String, String> metadata = new HashMap<>(request.build().metadata());
        metadata.put(WRITE_ID, writeId);
        PutObjectRequest put = (expected == null ? request.ifNoneMatch("*") : request.ifMatch(expected))
                .metadata(metadata).build();
        String location = location(put.key());
        LostAnswers lost = new LostAnswers();
        return settled(op, key, location, lost, () -> s3.call(op, key, location, c -> {
            try {
                return answers.etag(c.putObject(put, RequestBody.fromBytes(document)).eTag(), op, key, location,
                        "PutObject");
            } catch (SdkException e) {
                if (!isPreconditionFailure(e)) {
                    lost.record(e);
                    throw e;
                }
                if (!lost.any()) {
                    throw Conflicts.of(key, expected, null, op.storeName());
                }
                HeadObjectResponse now = head(c, put.key());
                if (now != null && writeId.equals(now.metadata().get(WRITE_ID))) {
                    return now.eTag();
                }
                throw unknown(op, key, location, "an earlier attempt's answer was lost, and the entry has since "
                        + (now == null ? "been deleted" : "been changed by another writer"), lost.first);
            }
        }));
    }

    /**
     * A DELETE with {@code If-Match: expected}, after a HEAD that checks the object has that ETag: S3 servers
     * differ on {@code If-Match} against a missing object (S3 answers 404, some servers 204).
     *
     * @param key the key, for messages
     * @param objectKey the object
     * @param expected the ETag the object must have
     * @throws ConflictException if the object is absent or has another ETag; nothing was deleted
     * @throws OutcomeUnknownException if an answer was lost and the object was then found gone or changed
     */
    void delete(String key, String objectKey, String expected) {
        String location = location(objectKey);
        HeadObjectResponse current = s3.call(S3Operation.DELETE_IF, key, location,
                c -> head(c, objectKey));
        if (current == null || !expected.equals(current.eTag())) {
            throw Conflicts.of(key, expected, current == null ? null : current.eTag(),
                    S3Operation.DELETE_IF.storeName());
        }
        LostAnswers lost = new LostAnswers();
        settled(S3Operation.DELETE_IF, key, location, lost, () -> s3.call(S3Operation.DELETE_IF, key, location, c -> {
            try {
                return c.deleteObject(r -> r.bucket(s3.bucket()).key(objectKey).ifMatch(expected));
            } catch (SdkException e) {
                if (!isPreconditionFailure(e)) {
                    lost.record(e);
                    throw e;
                }
                if (!lost.any()) {
                    throw Conflicts.of(key, expected, null, S3Operation.DELETE_IF.storeName());
                }
                throw unknown(S3Operation.DELETE_IF, key, location, "an earlier attempt's answer was lost, and the "
                        + "entry was then found gone or changed: by that attempt or by another writer", lost.first);
            }
        }));
    }

    /**
     * Runs a conditional request; when it fails for good after an answer was lost, the write may have landed
     * and the failure cannot say it did not.
     */
    private static <T> T settled(S3Operation op, String key, String location, LostAnswers lost,
            Supplier<T> request) {
        try {
            return request.get();
        } catch (ConflictException | OutcomeUnknownException known) {
            throw known;
        } catch (StateStoreException failed) {
            if (!lost.any()) {
                throw failed;
            }
            throw unknown(op, key, location, "an attempt's answer was lost and the later attempts failed ("
                    + failed.getMessage() + ")", failed);
        }
    }

    /**
     * The object's head, or {@code null} when it is absent. A head without an ETag (S3Proxy answers one now and
     * then while the object is being deleted) fails the attempt as a transient error, so that it is retried:
     * a HEAD changes nothing, and a conditional PUT retried with the same write id is still recognized.
     */
    private HeadObjectResponse head(S3Client c, String objectKey) {
        HeadObjectResponse head;
        try {
            head = c.headObject(r -> r.bucket(s3.bucket()).key(objectKey));
        } catch (NoSuchKeyException absent) {
            return null;
        }
        if (head.eTag() == null || head.eTag().isEmpty()) {
            throw SdkClientException.builder().message("the HeadObject answer for " + location(objectKey)
                    + " has no ETag").cause(new IOException("HeadObject answer without an ETag")).build();
        }
        return head;
    }

    /** A 412, or the 404 of an {@code If-Match} object that is gone; not a missing bucket's 404. */
    private static boolean isPreconditionFailure(SdkException e) {
        return e instanceof S3Exception s && (s.statusCode() == PRECONDITION_FAILED
                || (s.statusCode() == NOT_FOUND && !S3Errors.isNoSuchBucket(e)));
    }

    private static OutcomeUnknownException unknown(S3Operation op, String key, String location, String why,
            Throwable cause) {
        return new OutcomeUnknownException(key, op.storeName(), location, why, cause);
    }

    private String location(String objectKey) {
        return "s3://" + s3.bucket() + "/" + objectKey;
    }

    /** The attempts of one call whose answers were lost, so that they may have been applied. Thread-confined. */
    private static final class LostAnswers {
        private SdkException first;

        void record(SdkException e) {
            if (first == null && S3Errors.mayHaveBeenApplied(e)) {
                first = e;
            }
        }

        boolean any() {
            return first != null;
        }
    }
}
