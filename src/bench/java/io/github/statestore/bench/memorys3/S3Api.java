package io.github.statestore.bench.memorys3;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The S3 requests {@link MemoryS3} answers, path-style only ({@code /bucket/key}): CreateBucket, HeadBucket,
 * DeleteBucket, ListObjectsV2, DeleteObjects, and GetObject, HeadObject, PutObject and DeleteObject with the
 * conditional headers {@code If-Match} and {@code If-None-Match} (on a write, {@code If-None-Match: *}
 * only). Anything else (another bucket sub-resource, ranges, copies, multipart uploads, versions, ACLs,
 * virtual-hosted addressing) is answered {@code 501 NotImplemented}, never ignored. Thread-safe.
 */
final class S3Api {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final String META = "x-amz-meta-";
    /** Query parameters an object request may carry: the SDK for JavaScript names the operation in one. */
    private static final Set<String> OBJECT_QUERY = Set.of("x-id");
    private static final Set<String> LIST_QUERY = Set.of("x-id", "list-type", "prefix", "delimiter", "max-keys",
            "continuation-token", "start-after", "encoding-type", "fetch-owner");

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * Answers one request.
     *
     * @param request the request
     * @return the answer
     * @throws S3Error for an S3 error answer
     */
    Reply answer(HttpRequest request) {
        String method = request.method();
        String rawPath = request.rawPath();
        Map<String, String> headers = request.headers();
        byte[] body = request.body();
        if (!rawPath.startsWith("/") || rawPath.length() == 1) {
            throw S3Error.notImplemented(method + " " + rawPath + " (only path-style bucket and object requests)");
        }
        int slash = rawPath.indexOf('/', 1);
        String bucketName = decode(slash < 0 ? rawPath.substring(1) : rawPath.substring(1, slash));
        String key = slash < 0 ? "" : decode(rawPath.substring(slash + 1));
        Map<String, String> query = query(request.rawQuery());
        if (key.isEmpty()) {
            return bucketRequest(method, bucketName, query, headers, body);
        }
        if (!OBJECT_QUERY.containsAll(query.keySet())) {
            throw S3Error.notImplemented("object sub-resources or parameters " + query.keySet());
        }
        Bucket bucket = bucket(bucketName);
        return switch (method) {
            case "GET", "HEAD" -> read(bucket, key, headers, method.equals("HEAD"));
            case "PUT" -> put(bucket, key, headers, body);
            case "DELETE" -> {
                bucket.delete(key, headers.get("If-Match"));
                yield Reply.empty(204);
            }
            default -> throw S3Error.notImplemented(method + " on an object");
        };
    }

    private Reply bucketRequest(String method, String name, Map<String, String> query, Map<String, String> headers,
            byte[] body) {
        switch (method) {
            case "PUT" -> {
                if (!query.isEmpty()) {
                    throw S3Error.notImplemented("bucket sub-resources " + query.keySet());
                }
                if (buckets.putIfAbsent(name, new Bucket(name)) != null) {
                    throw new S3Error(409, "BucketAlreadyOwnedByYou", "Your previous request to create the named "
                            + "bucket succeeded and you already own it: " + name);
                }
                Reply created = Reply.empty(200);
                created.headers().put("Location", "/" + name);
                return created;
            }
            case "HEAD" -> {
                bucket(name);
                return Reply.empty(200);
            }
            case "DELETE" -> {
                if (!bucket(name).isEmpty()) {
                    throw new S3Error(409, "BucketNotEmpty", "The bucket you tried to delete is not empty: " + name);
                }
                buckets.remove(name);
                return Reply.empty(204);
            }
            case "GET" -> {
                if (!"2".equals(query.get("list-type")) || !LIST_QUERY.containsAll(query.keySet())) {
                    throw S3Error.notImplemented("GET of a bucket other than ListObjectsV2: " + query.keySet());
                }
                return Reply.xml(200, Listing.page(bucket(name), query));
            }
            case "POST" -> {
                if (!query.containsKey("delete")) {
                    throw S3Error.notImplemented("POST to a bucket other than DeleteObjects");
                }
                Bucket bucket = bucket(name);
                Xml.DeleteRequest request = Xml.deleteRequest(Bodies.read(body, headers).bytes());
                bucket.deleteAll(request.keys());
                return Reply.xml(200, Xml.deleteResult(request));
            }
            default -> throw S3Error.notImplemented(method + " on a bucket");
        }
    }

    private Reply read(Bucket bucket, String key, Map<String, String> headers, boolean head) {
        if (headers.containsKey("Range") || headers.containsKey("If-Modified-Since")
                || headers.containsKey("If-Unmodified-Since") || headers.containsKey("x-amz-checksum-mode")
                && !"ENABLED".equalsIgnoreCase(headers.get("x-amz-checksum-mode"))) {
            throw S3Error.notImplemented("ranges, date conditions and checksum modes other than ENABLED");
        }
        StoredObject object = bucket.get(key);
        if (object == null) {
            throw S3Error.noSuchKey(key);
        }
        String ifMatch = headers.get("If-Match");
        if (ifMatch != null && !Conditions.etagMatches(ifMatch, object.etag())) {
            throw S3Error.preconditionFailed("If-Match: " + ifMatch);
        }
        String ifNoneMatch = headers.get("If-None-Match");
        if (ifNoneMatch != null && Conditions.etagMatches(ifNoneMatch, object.etag())) {
            Reply notModified = Reply.empty(304);
            notModified.headers().put("ETag", object.etag());
            return notModified;
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("Content-Type", object.contentType());
        out.put("ETag", object.etag());
        out.put("Last-Modified", HTTP_DATE.format(object.lastModified()));
        out.put("Accept-Ranges", "bytes");
        object.userMetadata().forEach((name, value) -> out.put(META + name, value));
        if (headers.containsKey("x-amz-checksum-mode")) {
            object.checksums().forEach((algorithm, value) -> out.put("x-amz-checksum-" + algorithm, value));
            if (!object.checksums().isEmpty()) {
                out.put("x-amz-checksum-type", "FULL_OBJECT");
            }
        }
        return Reply.object(out, object.body(), head);
    }

    private Reply put(Bucket bucket, String key, Map<String, String> headers, byte[] raw) {
        if (headers.containsKey("x-amz-copy-source")) {
            throw S3Error.notImplemented("CopyObject");
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > 1024) {
            throw S3Error.badRequest("KeyTooLongError", "Your key is too long");
        }
        Bodies.Body body = Bodies.read(raw, headers);
        Map<String, String> metadata = new TreeMap<>();
        headers.forEach((name, value) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.startsWith(META)) {
                metadata.put(n.substring(META.length()), value);
            }
        });
        String contentType = headers.get("Content-Type");
        String etag = "\"" + HexFormat.of().formatHex(Bodies.md5(body.bytes())) + "\"";
        bucket.put(key, new StoredObject(body.bytes(), etag, contentType == null ? "binary/octet-stream" : contentType,
                Map.copyOf(metadata), Map.copyOf(body.checksums()), Instant.now()), headers.get("If-Match"),
                headers.get("If-None-Match"));
        Reply reply = Reply.empty(200);
        reply.headers().put("ETag", etag);
        body.checksums().forEach((algorithm, value) -> reply.headers().put("x-amz-checksum-" + algorithm, value));
        return reply;
    }

    private Bucket bucket(String name) {
        Bucket bucket = buckets.get(name);
        if (bucket == null) {
            throw S3Error.noSuchBucket(name);
        }
        return bucket;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            query.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return query;
    }

    /** Percent-decoding as S3 does it in paths and queries: {@code %XX} only; a {@code +} stays a {@code +}. */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        int i = 0;
        while (i < raw.length()) {
            int percent = raw.indexOf('%', i);
            int end = percent < 0 ? raw.length() : percent;
            byte[] plain = raw.substring(i, end).getBytes(StandardCharsets.UTF_8);
            out.write(plain, 0, plain.length);
            if (percent < 0) {
                break;
            }
            if (percent + 3 > raw.length() || !HexFormat.isHexDigit(raw.charAt(percent + 1))
                    || !HexFormat.isHexDigit(raw.charAt(percent + 2))) {
                throw S3Error.badRequest("InvalidURI", "Couldn't parse the specified URI: " + raw);
            }
            out.write(HexFormat.fromHexDigits(raw, percent + 1, percent + 3));
            i = percent + 3;
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
