package io.github.statestore.bench.memorys3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.ConflictException;
import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.Version;
import io.github.statestore.s3.S3Config;
import io.github.statestore.s3.S3Credentials;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 subset of {@link MemoryS3}, through the AWS SDK for Java with its defaults (its Apache 5 HTTP
 * client, default checksums, {@code aws-chunked} streaming uploads) and through our S3 store.
 */
class MemoryS3Test {
    private static final Duration LATENCY = Duration.ofMillis(25);
    private static final String BUCKET = "memory-s3-test";

    private static MemoryS3 server;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        server = MemoryS3.start(LATENCY);
        s3 = client(server.direct());
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void stop() {
        s3.close();
        server.close();
    }

    private static S3Client client(java.net.URI endpoint) {
        return S3Client.builder()
                .httpClientBuilder(Apache5HttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .endpointOverride(endpoint)
                .build();
    }

    @Test
    void putGetHeadAndDeleteAnObject() {
        byte[] body = "{\"a\": 1}".getBytes(StandardCharsets.UTF_8);
        String etag = s3.putObject(r -> r.bucket(BUCKET).key("one/doc").contentType("application/json")
                .metadata(Map.of("statestore-write", "w1")), RequestBody.fromBytes(body)).eTag();

        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("one/doc"));
        HeadObjectResponse head = s3.headObject(r -> r.bucket(BUCKET).key("one/doc"));

        assertArrayEquals(body, got.asByteArray());
        assertEquals("\"" + HexFormat.of().formatHex(Bodies.md5(body)) + "\"", etag);
        assertEquals(etag, got.response().eTag());
        assertEquals("application/json", got.response().contentType());
        assertEquals(Map.of("statestore-write", "w1"), head.metadata());
        assertEquals(etag, head.eTag());
        assertEquals(body.length, head.contentLength());
        s3.deleteObject(r -> r.bucket(BUCKET).key("one/doc"));
        assertThrows(NoSuchKeyException.class, () -> s3.getObject(r -> r.bucket(BUCKET).key("one/doc")));
        assertThrows(NoSuchKeyException.class, () -> s3.headObject(r -> r.bucket(BUCKET).key("one/doc")));
    }

    @Test
    void decodesAStreamingUploadOfUnknownLength() {
        byte[] body = "x".repeat(300_000).getBytes(StandardCharsets.UTF_8);
        s3.putObject(r -> r.bucket(BUCKET).key("stream/big"),
                RequestBody.fromContentProvider(() -> new ByteArrayInputStream(body), "text/plain"));

        assertArrayEquals(body, s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("stream/big")).asByteArray());
    }

    @Test
    void decodesSignedChunksAndChecksTheirTrailingChecksum() {
        byte[] chunked = ("5;chunk-signature=ab\r\nhello\r\n0;chunk-signature=cd\r\n"
                + "x-amz-checksum-crc32:NhCmhg==\r\nx-amz-trailer-signature:ef\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] corrupt = ("5\r\nhellO\r\n0\r\nx-amz-checksum-crc32:NhCmhg==\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Content-Encoding", "aws-chunked");
        headers.put("x-amz-decoded-content-length", "5");

        Bodies.Body decoded = Bodies.read(chunked, headers);

        assertEquals("hello", new String(decoded.bytes(), StandardCharsets.UTF_8));
        assertEquals(Map.of("crc32", "NhCmhg=="), decoded.checksums());
        assertEquals("BadDigest", assertThrows(S3Error.class, () -> Bodies.read(corrupt, headers)).code());
    }

    @Test
    void conditionalWritesAndDeletes() {
        String key = "cond/doc";
        String first = s3.putObject(r -> r.bucket(BUCKET).key(key).ifNoneMatch("*"), RequestBody.fromString("1"))
                .eTag();

        assertEquals(412, status(() -> s3.putObject(r -> r.bucket(BUCKET).key(key).ifNoneMatch("*"),
                RequestBody.fromString("2"))));
        assertEquals(412, status(() -> s3.putObject(r -> r.bucket(BUCKET).key(key).ifMatch("\"0000\""),
                RequestBody.fromString("2"))));
        assertEquals(404, status(() -> s3.putObject(r -> r.bucket(BUCKET).key("cond/missing").ifMatch(first),
                RequestBody.fromString("2"))));
        String second = s3.putObject(r -> r.bucket(BUCKET).key(key).ifMatch(first), RequestBody.fromString("2")).eTag();
        assertEquals(412, status(() -> s3.deleteObject(r -> r.bucket(BUCKET).key(key).ifMatch(first))));
        s3.deleteObject(r -> r.bucket(BUCKET).key(key).ifMatch(second));
        assertThrows(NoSuchKeyException.class, () -> s3.headObject(r -> r.bucket(BUCKET).key(key)));
    }

    @Test
    void listsWithPrefixDelimiterAndPages() {
        List<String> keys = List.of("list/a", "list/b c", "list/d/1", "list/d/2", "list/e+f", "list/g/1",
                "list/unic\u20aade", "list/\ud83d\ude00", "lister");
        keys.forEach(k -> s3.putObject(r -> r.bucket(BUCKET).key(k), RequestBody.fromString(k)));

        List<String> names = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        int pages = 0;
        String token = null;
        do {
            String continuation = token;
            ListObjectsV2Response page = s3.listObjectsV2(r -> r.bucket(BUCKET).prefix("list/").delimiter("/")
                    .maxKeys(2).continuationToken(continuation));
            page.contents().stream().map(S3Object::key).forEach(names::add);
            page.commonPrefixes().stream().map(CommonPrefix::prefix).forEach(prefixes::add);
            assertTrue(page.keyCount() <= 2);
            token = page.isTruncated() ? page.nextContinuationToken() : null;
            pages++;
        } while (token != null);

        assertEquals(List.of("list/a", "list/b c", "list/e+f", "list/unic\u20aade", "list/\ud83d\ude00"), names);
        assertEquals(List.of("list/d/", "list/g/"), prefixes);
        assertEquals(4, pages);
        assertEquals(8, s3.listObjectsV2(r -> r.bucket(BUCKET).prefix("list/")).keyCount());
    }

    @Test
    void deletesManyObjectsAtOnce() {
        List<ObjectIdentifier> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String key = "many/" + i;
            s3.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromString(key));
            ids.add(ObjectIdentifier.builder().key(key).build());
        }

        var answer = s3.deleteObjects(r -> r.bucket(BUCKET).delete(d -> d.objects(ids)));

        assertEquals(5, answer.deleted().size());
        assertEquals(0, s3.listObjectsV2(r -> r.bucket(BUCKET).prefix("many/")).keyCount());
    }

    @Test
    void answersS3Errors() {
        assertThrows(NoSuchBucketException.class, () -> s3.listObjectsV2(r -> r.bucket("missing-bucket")));
        assertThrows(NoSuchKeyException.class, () -> s3.getObject(r -> r.bucket(BUCKET).key("absent")));
        assertEquals(501, status(() -> s3.getObjectAcl(r -> r.bucket(BUCKET).key("absent"))));
    }

    @Test
    void answersNoSoonerThanItsLatency() {
        try (S3Client slow = client(server.endpoint())) {
            long start = System.nanoTime();
            assertThrows(NoSuchKeyException.class, () -> slow.headObject(r -> r.bucket(BUCKET).key("absent")));
            assertTrue(System.nanoTime() - start >= LATENCY.toNanos());
        }
    }

    @Test
    void servesOurStore() {
        try (StateStore store = S3Config.builder().bucket(BUCKET).endpoint(server.endpoint()).pathStyle(true)
                .region("us-east-1").credentials(S3Credentials.of("AKIDEXAMPLE", "secret")).build()
                .open(Scope.of("app", "dev"))) {
            State state = State.builder().status(State.Status.CREATED).kind("test::Thing").id("a").fqn("app/a").seq(0)
                    .build();
            Version v = store.create("x/1", state);
            store.set("x/2", state);
            assertThrows(ConflictException.class, () -> store.create("x/1", state));
            store.setIf("x/1", state, v);

            assertEquals(List.of("x/1", "x/2"), store.list());
            assertEquals(2, store.getBatch(List.of("x/1", "x/2", "x/3")).size());
            assertEquals(2, store.all().size());
            store.clear();
            assertFalse(store.get("x/1").isPresent());
        }
    }

    private static int status(Runnable call) {
        return assertThrows(S3Exception.class, call::run).statusCode();
    }
}
