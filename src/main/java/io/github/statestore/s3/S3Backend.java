package io.github.statestore.s3;

import io.github.statestore.BucketNotFoundException;
import io.github.statestore.StorageException;
import io.github.statestore.internal.Backend;
import io.github.statestore.internal.Conflicts;
import io.github.statestore.internal.Entry;
import io.github.statestore.key.S3Layout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One scope's objects in a bucket, every request through a {@link RetryingS3Client}. Thread-safe.
 */
final class S3Backend implements Backend {
    /** DeleteObjects takes at most this many keys a call. */
    static final int DELETE_BATCH = 1000;
    private static final int PRECONDITION_FAILED = 412;
    private static final int NOT_FOUND = 404;
    private static final Logger LOG = LoggerFactory.getLogger(S3Backend.class);
    /** Regions whose CreateBucket takes no location constraint: S3's default region, and R2's. */
    private static final Set<String> UNCONSTRAINED_REGIONS = Set.of("us-east-1", "auto");

    private final RetryingS3Client s3;
    private final S3Layout layout;
    private final S3Config config;
    private final String bucket;

    S3Backend(RetryingS3Client s3, S3Layout layout, S3Config config) {
        this.s3 = s3;
        this.layout = layout;
        this.config = config;
        this.bucket = config.bucket;
    }

    /**
     * Checks the bucket with a one-key listing rather than HeadBucket: both need {@code s3:ListBucket}, but a
     * HEAD answer has no body, so wrong credentials could not be told from missing permissions. With
     * {@code createBucket}, a missing bucket is created in the client's region (outside {@code us-east-1} S3
     * needs it as the location constraint); {@code BucketAlreadyOwnedByYou}, the answer when another store
     * created it in between, counts as created.
     */
    @Override
    public void init() {
        try {
            s3.call(S3Operation.INIT, null, bucketUrl(), c -> c.listObjectsV2(r -> r.bucket(bucket)
                    .prefix(layout.scopePrefix()).maxKeys(1)));
        } catch (BucketNotFoundException missing) {
            if (!config.createBucket) {
                throw missing;
            }
            s3.call(S3Operation.CREATE_BUCKET, null, bucketUrl(), c -> {
                String region = c.serviceClientConfiguration().region().id();
                try {
                    return c.createBucket(r -> r.bucket(bucket).createBucketConfiguration(
                            UNCONSTRAINED_REGIONS.contains(region) ? null
                                    : CreateBucketConfiguration.builder().locationConstraint(region).build()));
                } catch (BucketAlreadyOwnedByYouException raced) {
                    return null;
                }
            });
        }
    }

    @Override
    public void checkKey(String key) {
        layout.objectKey(key);
    }

    @Override
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            String continuation = token;
            ListObjectsV2Response page = s3.call(S3Operation.LIST, null, bucketUrl() + layout.scopePrefix(),
                    c -> c.listObjectsV2(r -> r.bucket(bucket).prefix(layout.scopePrefix())
                            .delimiter(S3Layout.DELIMITER).continuationToken(continuation)));
            for (S3Object object : page.contents()) {
                String key = layout.keyOf(object.key());
                if (key == null) {
                    LOG.warn("Skipping s3://{}/{}: its name is not one this store writes for any key", bucket,
                            object.key());
                } else {
                    keys.add(key);
                }
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return keys;
    }

    @Override
    public Entry readEntry(String key) {
        String objectKey = layout.objectKey(key);
        return s3.call(S3Operation.GET, key, locate(key), c -> fetch(c, objectKey));
    }

    private Entry fetch(S3Client c, String objectKey) {
        try {
            ResponseBytes<GetObjectResponse> object = c.getObjectAsBytes(r -> r.bucket(bucket).key(objectKey));
            return new Entry(object.asByteArray(), object.response().eTag());
        } catch (NoSuchKeyException absent) {
            return null;
        }
    }

    @Override
    public void write(String key, byte[] document) {
        PutObjectRequest put = put(layout.objectKey(key)).build();
        s3.call(S3Operation.SET, key, locate(key), c -> c.putObject(put, RequestBody.fromBytes(document)));
    }

    /**
     * A conditional PUT. S3 answers 412 when the object has another ETag (or exists, for If-None-Match) and
     * 404 when an If-Match object is gone; on a first attempt that is a conflict at once (no extra read, which
     * matters under contention). If a retry fails so although the first attempt may have landed (its response
     * was lost), the object is re-read: when it holds exactly our document, the write was ours and succeeded.
     */
    @Override
    public String writeIf(String key, byte[] document, String expected) {
        return putIf(S3Operation.SET_IF, key, put(layout.objectKey(key)), document, expected);
    }

    @Override
    public Entry readLock(String name) {
        String objectKey = layout.lockObjectKey(name);
        return s3.call(S3Operation.LOCK, name, bucketUrl() + objectKey, c -> fetch(c, objectKey));
    }

    @Override
    public String writeLockIf(String name, byte[] record, String expected) {
        return putIf(S3Operation.LOCK, name, put(layout.lockObjectKey(name)), record, expected);
    }

    private String putIf(S3Operation op, String key, PutObjectRequest.Builder request, byte[] document,
            String expected) {
        PutObjectRequest put = (expected == null ? request.ifNoneMatch("*") : request.ifMatch(expected)).build();
        AtomicInteger attempts = new AtomicInteger();
        return s3.call(op, key, bucketUrl() + put.key(), c -> {
            boolean retry = attempts.incrementAndGet() > 1;
            try {
                return c.putObject(put, RequestBody.fromBytes(document)).eTag();
            } catch (S3Exception e) {
                if (e.statusCode() != PRECONDITION_FAILED && e.statusCode() != NOT_FOUND) {
                    throw e;
                }
                if (!retry) {
                    throw Conflicts.of(key, expected, null, op.storeName());
                }
                Entry current = fetch(c, put.key());
                if (current != null && Arrays.equals(current.bytes(), document)) {
                    return current.version();
                }
                throw Conflicts.of(key, expected, current == null ? null : current.version(), op.storeName());
            }
        });
    }

    /**
     * A conditional DELETE. S3 servers differ on If-Match against a missing object (some answer 204), so the
     * object's ETag is checked first: absent or different is a conflict. A retry that finds the object gone
     * after a lost response counts as success.
     */
    @Override
    public void deleteIf(String key, String expected) {
        String objectKey = layout.objectKey(key);
        String current = s3.call(S3Operation.DELETE_IF, key, locate(key), c -> {
            try {
                return c.headObject(r -> r.bucket(bucket).key(objectKey)).eTag();
            } catch (NoSuchKeyException absent) {
                return null;
            }
        });
        if (!expected.equals(current)) {
            throw Conflicts.of(key, expected, current, "deleteIf");
        }
        AtomicInteger attempts = new AtomicInteger();
        s3.call(S3Operation.DELETE_IF, key, locate(key), c -> {
            boolean retry = attempts.incrementAndGet() > 1;
            try {
                return c.deleteObject(r -> r.bucket(bucket).key(objectKey).ifMatch(expected));
            } catch (S3Exception e) {
                if (e.statusCode() != PRECONDITION_FAILED && e.statusCode() != NOT_FOUND) {
                    throw e;
                }
                Entry now = fetch(c, objectKey);
                if (retry && now == null) {
                    return null;
                }
                throw Conflicts.of(key, expected, now == null ? null : now.version(), "deleteIf");
            }
        });
    }


    private PutObjectRequest.Builder put(String objectKey) {
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(bucket).key(objectKey)
                .contentType("application/json");
        config.serverSideEncryption.apply(request);
        return request;
    }

    @Override
    public void delete(String key) {
        String objectKey = layout.objectKey(key);
        s3.call(S3Operation.DELETE, key, locate(key), c -> c.deleteObject(r -> r.bucket(bucket).key(objectKey)));
    }

    @Override
    public void deleteAll(Collection<String> keys) {
        List<ObjectIdentifier> ids = keys.stream().map(k -> ObjectIdentifier.builder().key(layout.objectKey(k)).build())
                .toList();
        for (int from = 0; from < ids.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = ids.subList(from, Math.min(ids.size(), from + DELETE_BATCH));
            DeleteObjectsResponse response = s3.call(S3Operation.CLEAR, null, bucketUrl() + layout.scopePrefix(),
                    c -> c.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(batch).quiet(true))));
            if (response.hasErrors() && !response.errors().isEmpty()) {
                String failed = response.errors().stream().limit(10)
                        .map(e -> e.key() + " (" + e.code() + ": " + e.message() + ")")
                        .collect(Collectors.joining(", "));
                throw new StorageException("clear", null, bucketUrl() + layout.scopePrefix(),
                        new IllegalStateException("S3 could not delete " + response.errors().size() + " of "
                                + batch.size() + " objects: " + failed), false);
            }
        }
    }

    @Override
    public int readConcurrency() {
        return config.maxConcurrency;
    }

    @Override
    public String locate(String key) {
        return bucketUrl() + layout.objectKey(key);
    }

    private String bucketUrl() {
        return "s3://" + bucket + "/";
    }

    @Override
    public void close() {
        s3.close();
    }

    @Override
    public String toString() {
        return bucketUrl() + layout.scopePrefix();
    }
}
