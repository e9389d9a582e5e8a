package io.github.statestore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The raw-SDK baselines: what a program that skips our store does for the same result, with plain
 * GetObject, PutObject, paginated ListObjectsV2 (with the {@code /} delimiter, as our store lists) and
 * DeleteObjects calls, and Jackson's tree model for parsing. Stateless and thread-safe.
 */
final class RawS3 {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DELETE_BATCH = 1000;

    private RawS3() {
    }

    /** One GetObject, the body as bytes. */
    static byte[] get(S3Client s3, String bucket, String objectKey) {
        return s3.getObjectAsBytes(r -> r.bucket(bucket).key(objectKey)).asByteArray();
    }

    /** One PutObject of a JSON document. */
    static PutObjectResponse put(S3Client s3, String bucket, String objectKey, byte[] document) {
        return s3.putObject(r -> r.bucket(bucket).key(objectKey).contentType("application/json"),
                RequestBody.fromBytes(document));
    }

    /** Every object name under a prefix, without it, page by page. */
    static List<String> list(S3Client s3, String bucket, String prefix) {
        List<String> names = new ArrayList<>();
        String token = null;
        do {
            String continuation = token;
            ListObjectsV2Response page = s3.listObjectsV2(r -> r.bucket(bucket).prefix(prefix).delimiter("/")
                    .continuationToken(continuation));
            for (S3Object object : page.contents()) {
                names.add(object.key().substring(prefix.length()));
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return names;
    }

    /** Reads and parses the documents of some names under a prefix, on a pool's threads. */
    static List<JsonNode> getAll(S3Client s3, ExecutorService pool, String bucket, String prefix, List<String> names) {
        List<Future<JsonNode>> reads = new ArrayList<>(names.size());
        for (String name : names) {
            reads.add(pool.submit(() -> parse(get(s3, bucket, prefix + name))));
        }
        List<JsonNode> documents = new ArrayList<>(names.size());
        try {
            for (Future<JsonNode> read : reads) {
                documents.add(read.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return documents;
    }

    /** Lists a prefix and deletes what it found, a DeleteObjects call per 1,000 objects. */
    static void clear(S3Client s3, String bucket, String prefix) {
        List<ObjectIdentifier> ids = list(s3, bucket, prefix).stream()
                .map(n -> ObjectIdentifier.builder().key(prefix + n).build()).toList();
        for (int from = 0; from < ids.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = ids.subList(from, Math.min(ids.size(), from + DELETE_BATCH));
            s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
        }
    }

    /** Parses a document with Jackson's tree model. */
    static JsonNode parse(byte[] document) {
        try {
            return JSON.readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
