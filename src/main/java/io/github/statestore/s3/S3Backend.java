package io.github.statestore.s3;

import io.github.statestore.BucketNotFoundException;
import io.github.statestore.StateStoreException;
import io.github.statestore.StorageException;
import io.github.statestore.internal.Text;
import io.github.statestore.spi.Backend;
import io.github.statestore.spi.Document;
import io.github.statestore.spi.Entry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One scope's objects in a bucket, every request through a {@link RetryingS3Client}. A watch polls the
 * scope's listing, whose ETags are the versions: one ListObjectsV2 request per 1,000 keys each
 * {@link #POLL_INTERVAL}, no GetObject. History entries are objects under {@code <prefix>%!history/<scope>/<key>/},
 * outside every scope's prefix ({@link S3Layout#historyPrefix}); expiries are user metadata of the documents'
 * objects, listed through marks under {@code <prefix>%!expiry/<scope>/} ({@link ExpiryMarks}). Thread-safe.
 */
final class S3Backend implements Backend {
    /** DeleteObjects takes at most this many keys a call. */
    static final int DELETE_BATCH = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(S3Backend.class);
    /** How often a watch lists the scope when its caller does not say: 6 billed requests a minute. */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(10);
    /** Regions whose CreateBucket takes no location constraint: S3's default region, and R2's. */
    private static final Set<String> UNCONSTRAINED_REGIONS = Set.of("us-east-1", "auto");

    private final RetryingS3Client s3;
    private final S3Layout layout;
    private final S3Config config;
    private final String bucket;
    private final S3Answers answers;
    private final ConditionalWrites conditional;
    private final ExpiryMarks expiry;

    S3Backend(RetryingS3Client s3, S3Layout layout, S3Config config) {
        this.s3 = s3;
        this.answers = S3Answers.of(config);
        this.conditional = new ConditionalWrites(s3, answers);
        this.layout = layout;
        this.config = config;
        this.bucket = config.bucket;
        this.expiry = new ExpiryMarks(s3, answers, layout, this::put);
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
            s3.call(S3Operation.INIT, null, bucketUrl(), c -> answers.listing(c.listObjectsV2(r -> r.bucket(bucket)
                    .prefix(layout.scopePrefix()).maxKeys(1)), S3Operation.INIT, bucketUrl()));
        } catch (BucketNotFoundException missing) {
            if (!config.createBucket) {
                throw missing;
            }
            createBucket(s3);
        }
    }

    /**
     * Creates the client's bucket in the client's region, logged at INFO; {@code BucketAlreadyOwnedByYou}
     * counts as created.
     *
     * @param s3 the client, whose bucket to create
     */
    static void createBucket(RetryingS3Client s3) {
        s3.call(S3Operation.CREATE_BUCKET, null, "s3://" + s3.bucket() + "/", c -> {
            String region = c.serviceClientConfiguration().region().id();
            try {
                c.createBucket(r -> r.bucket(s3.bucket()).createBucketConfiguration(
                        UNCONSTRAINED_REGIONS.contains(region) ? null
                                : CreateBucketConfiguration.builder().locationConstraint(region).build()));
                LOG.info("Created bucket '{}' in region {}", s3.bucket(), region);
            } catch (BucketAlreadyOwnedByYouException raced) {
                LOG.debug("Bucket '{}' was created meanwhile by another store", s3.bucket());
            }
            return null;
        });
    }

    @Override
    public void checkKey(String key) {
        layout.objectKey(key);
    }

    @Override
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        DelimitedListing.eachPage(s3, answers, layout.scopePrefix(), page -> {
            for (S3Object object : page.contents()) {
                String key = layout.keyOf(object.key());
                if (key == null) {
                    LOG.warn("Skipping s3://{}/{}: its name is not one this store writes for any key", bucket,
                            object.key());
                } else {
                    keys.add(key);
                }
            }
        });
        return keys;
    }

    /** The ETags of one delimited listing of the scope, as GetObject reports them; no object is read. */
    @Override
    public Map<String, String> versions() {
        Map<String, String> versions = new HashMap<>();
        DelimitedListing.eachPage(s3, answers, layout.scopePrefix(), page -> {
            for (S3Object object : page.contents()) {
                String key = layout.keyOf(object.key());
                if (key != null) {
                    versions.put(key, answers.etag(object.eTag(), S3Operation.LIST, key, bucketUrl() + object.key(),
                            "ListObjectsV2"));
                }
            }
        });
        return versions;
    }

    @Override
    public Duration pollInterval() {
        return POLL_INTERVAL;
    }

    @Override
    public List<String> lockNames() {
        List<String> names = new ArrayList<>();
        DelimitedListing.eachPage(s3, answers, layout.lockPrefix(), page -> {
            for (S3Object object : page.contents()) {
                String name = layout.lockNameOf(object.key());
                if (name != null) {
                    names.add(name);
                }
            }
        });
        return names;
    }

    @Override
    public Entry readEntry(String key) {
        String objectKey = layout.objectKey(key);
        return s3.call(S3Operation.GET, key, locate(key), c -> fetch(c, objectKey, S3Operation.GET, key));
    }

    private Entry fetch(S3Client c, String objectKey, S3Operation op, String key) {
        ResponseBytes<GetObjectResponse> object;
        try {
            object = c.getObjectAsBytes(r -> r.bucket(bucket).key(objectKey));
        } catch (NoSuchKeyException absent) {
            return null;
        }
        String etag = answers.etag(object.response().eTag(), op, key, bucketUrl() + objectKey, "GetObject");
        return new Entry(object.asByteArray(), etag,
                ExpiryMarks.expiresAt(object.response().metadata(), key, bucketUrl() + objectKey));
    }

    /** One GetObject: the expiry is the object's metadata. */
    @Override
    public Document readDocument(String key) {
        Entry entry = readEntry(key);
        return entry == null ? null : new Document(entry.bytes(), entry.expiresAt());
    }

    /** A PutObject without user metadata: one request, and any earlier expiry goes with the replaced object. */
    @Override
    public void write(String key, byte[] document) {
        write(key, put(layout.objectKey(key)), document);
    }

    /** The expiry's mark, then a PutObject carrying the expiry in its metadata: two requests. */
    @Override
    public void write(String key, byte[] document, Instant expiresAt) {
        if (expiresAt == null) {
            write(key, document);
            return;
        }
        PutObjectRequest.Builder request = put(layout.objectKey(key)).metadata(ExpiryMarks.metadata(expiresAt));
        expiry.mark(key, expiresAt);
        write(key, request, document);
    }

    private void write(String key, PutObjectRequest.Builder request, byte[] document) {
        PutObjectRequest put = request.build();
        s3.call(S3Operation.SET, key, locate(key), c -> answers.etag(c.putObject(put, RequestBody.fromBytes(document))
                .eTag(), S3Operation.SET, key, locate(key), "PutObject"));
    }

    /** A conditional PUT, exact under lost answers: see {@link ConditionalWrites}. */
    @Override
    public String writeIf(String key, byte[] document, String expected) {
        S3Operation op = expected == null ? S3Operation.CREATE : S3Operation.SET_IF;
        return conditional.put(op, key, put(layout.objectKey(key)), document, expected);
    }

    /** The expiry's mark, then the conditional PUT carrying the expiry; a refused PUT leaves a stale mark. */
    @Override
    public String writeIf(String key, byte[] document, String expected, Instant expiresAt) {
        if (expiresAt == null) {
            return writeIf(key, document, expected);
        }
        S3Operation op = expected == null ? S3Operation.CREATE : S3Operation.SET_IF;
        PutObjectRequest.Builder request = put(layout.objectKey(key)).metadata(ExpiryMarks.metadata(expiresAt));
        expiry.mark(key, expiresAt);
        return conditional.put(op, key, request, document, expected);
    }

    @Override
    public boolean keepsExpiry() {
        return true;
    }

    /** One ListObjectsV2 per 1,000 marks; no document is read (see {@link ExpiryMarks#all}). */
    @Override
    public Map<String, Instant> expiries() {
        return expiry.all();
    }

    /** One delimited listing of the key's marks, then one DeleteObject(s) request when any is due. */
    @Override
    public void forgetExpiries(String key, Instant upTo) {
        List<String> marks = expiry.upTo(key, upTo);
        if (marks.size() == 1) {
            s3.call(S3Operation.EXPIRY, key, bucketUrl() + marks.get(0),
                    c -> c.deleteObject(r -> r.bucket(bucket).key(marks.get(0))));
        } else if (!marks.isEmpty()) {
            deleteObjects(S3Operation.EXPIRY, key, bucketUrl() + expiry.markPrefix(key), marks);
        }
    }

    @Override
    public Entry readLock(String name) {
        String objectKey = layout.lockObjectKey(name);
        return s3.call(S3Operation.LOCK, name, bucketUrl() + objectKey,
                c -> fetch(c, objectKey, S3Operation.LOCK, name));
    }

    @Override
    public String writeLockIf(String name, byte[] record, String expected) {
        return conditional.put(S3Operation.LOCK, name, put(layout.lockObjectKey(name)), record, expected);
    }

    /** A conditional DELETE, exact under lost answers: see {@link ConditionalWrites}. */
    @Override
    public void deleteIf(String key, String expected) {
        conditional.delete(key, layout.objectKey(key), expected);
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
        deleteObjects(S3Operation.CLEAR, null, bucketUrl() + layout.scopePrefix(),
                keys.stream().map(layout::objectKey).toList());
    }

    /** DeleteObjects, {@value #DELETE_BATCH} keys a call; a key S3 reports it could not delete fails the call. */
    private void deleteObjects(S3Operation op, String key, String location, List<String> objectKeys) {
        List<ObjectIdentifier> ids = objectKeys.stream().map(k -> ObjectIdentifier.builder().key(k).build()).toList();
        for (int from = 0; from < ids.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = ids.subList(from, Math.min(ids.size(), from + DELETE_BATCH));
            DeleteObjectsResponse response = s3.call(op, key, location,
                    c -> c.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(batch).quiet(true))));
            if (response.hasErrors() && !response.errors().isEmpty()) {
                String failed = response.errors().stream().limit(10)
                        .map(e -> e.key() + " (" + e.code() + ": " + e.message() + ")")
                        .collect(Collectors.joining(", "));
                throw new StorageException(op.storeName(), key, location,
                        new IllegalStateException("S3 could not delete " + response.errors().size() + " of "
                                + batch.size() + " objects: " + failed), false);
            }
        }
    }

    @Override
    public boolean keepsHistory() {
        return true;
    }

    /** One unconditional PutObject: each entry's name is new. */
    @Override
    public void writeHistory(String key, String name, byte[] document) {
        String objectKey = historyObjectKey(key, name);
        PutObjectRequest put = put(objectKey).build();
        s3.call(S3Operation.HISTORY, key, bucketUrl() + objectKey,
                c -> c.putObject(put, RequestBody.fromBytes(document)));
    }

    /** One delimited listing of the key's history prefix: nothing below it (another scope's) is taken. */
    @Override
    public List<String> historyNames(String key) {
        String prefix = layout.historyPrefix(key);
        List<String> names = new ArrayList<>();
        DelimitedListing.eachPage(s3, answers, prefix, page -> {
            for (S3Object object : page.contents()) {
                names.add(object.key().substring(prefix.length()));
            }
        });
        return names;
    }

    @Override
    public byte[] readHistory(String key, String name) {
        String objectKey = historyObjectKey(key, name);
        Entry entry = s3.call(S3Operation.HISTORY, key, bucketUrl() + objectKey,
                c -> fetch(c, objectKey, S3Operation.HISTORY, key));
        return entry == null ? null : entry.bytes();
    }

    @Override
    public void deleteHistory(String key, Collection<String> names) {
        List<String> objectKeys = names.stream().map(name -> historyObjectKey(key, name)).toList();
        if (objectKeys.size() == 1) {
            s3.call(S3Operation.HISTORY, key, bucketUrl() + objectKeys.get(0),
                    c -> c.deleteObject(r -> r.bucket(bucket).key(objectKeys.get(0))));
        } else if (!objectKeys.isEmpty()) {
            deleteObjects(S3Operation.HISTORY, key, bucketUrl() + layout.historyPrefix(key), objectKeys);
        }
    }

    private String historyObjectKey(String key, String name) {
        String objectKey = layout.historyPrefix(key) + name;
        if (objectKey.getBytes(StandardCharsets.UTF_8).length > S3Layout.MAX_OBJECT_KEY_BYTES) {
            throw new StateStoreException("Cannot keep history of key " + Text.quote(key) + " at s3://" + bucket
                    + "/" + layout.historyPrefix(key) + "…: the object key would pass S3's limit of "
                    + S3Layout.MAX_OBJECT_KEY_BYTES + " bytes; use a shorter prefix or scope");
        }
        return objectKey;
    }

    @Override
    public int readConcurrency() {
        return config.maxConcurrency;
    }

    @Override
    public String locate(String key) {
        return bucketUrl() + layout.objectKey(key);
    }

    @Override
    public String locateLock(String name) {
        return bucketUrl() + layout.lockObjectKey(name);
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
