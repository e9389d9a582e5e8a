package io.github.statestore.s3;

import static io.github.statestore.contract.StateStoreContract.state;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.ConflictException;
import io.github.statestore.CorruptStateException;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.s3.RecordingProxy.Request;
import io.github.statestore.spi.Document;
import io.github.statestore.spi.Entry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Where the S3 backend keeps a document's expiry and what it costs, against a real S3 API server (S3Proxy):
 * the expiry is the object's user metadata (the stored bytes are the document alone), each write with an expiry
 * first puts an empty mark under {@code alchemy/%!expiry/<scope>/<key>/}, outside the scope's prefix, and
 * {@code expiries()} lists the marks without reading a document.
 */
class S3ExpiryIT {
    private static final Scope SCOPE = Scope.of("app", "dev");
    private static final String KEY = "api/db";
    private static final String OBJECT = "alchemy/app/dev/api:db";
    private static final String MARKS = "alchemy/%!expiry/app/dev/api:db/";
    private static final byte[] DOC = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    private static final Instant AT = Instant.parse("2030-01-02T03:04:05.678912Z");
    private static final Instant AT_MS = Instant.ofEpochMilli(AT.toEpochMilli());

    private final String bucket = S3Server.newBucket();
    private final S3Client raw = S3Server.rawClient();
    private final S3Backend backend = open(S3Server.config(bucket).build(), SCOPE);

    private static S3Backend open(S3Config config, Scope scope) {
        return new S3Backend(S3Clients.retrying(config), new S3Layout(config.prefix, scope), config);
    }

    @AfterEach
    void close() {
        backend.close();
        raw.close();
    }

    private List<String> objects(String prefix) {
        return raw.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).sorted().toList();
    }

    private Map<String, String> metadata() {
        return raw.headObject(b -> b.bucket(bucket).key(OBJECT)).metadata();
    }

    @Test
    void theExpiryIsTheObjectsMetadataInMillisecondsAndTheBytesAreTheDocument() {
        backend.write(KEY, DOC, AT);
        assertEquals(Long.toString(AT.toEpochMilli()), metadata().get("statestore-expires-at"));
        assertArrayEquals(DOC, raw.getObjectAsBytes(b -> b.bucket(bucket).key(OBJECT)).asByteArray());
        Entry entry = backend.readEntry(KEY);
        assertEquals(AT_MS, entry.expiresAt());
        assertArrayEquals(DOC, entry.bytes());
        Document document = backend.readDocument(KEY);
        assertEquals(AT_MS, document.expiresAt());
        assertArrayEquals(DOC, document.bytes());
        assertEquals(AT_MS, backend.readDocuments(List.of(KEY)).get(0).expiresAt());
        assertTrue(backend.keepsExpiry());
    }

    @Test
    void conditionalWritesCarryTheExpiryBesideTheirWriteId() {
        String created = backend.writeIf(KEY, DOC, null, AT);
        assertEquals(AT_MS, backend.readEntry(KEY).expiresAt());
        assertTrue(metadata().containsKey(ConditionalWrites.WRITE_ID));
        Instant later = AT.plusSeconds(60);
        backend.writeIf(KEY, "{\"a\":2}".getBytes(StandardCharsets.UTF_8), created, later);
        assertEquals(Instant.ofEpochMilli(later.toEpochMilli()), backend.readEntry(KEY).expiresAt());
    }

    @Test
    void aPlainWriteLeavesADocumentThatDoesNotExpire() {
        backend.write(KEY, DOC, AT);
        backend.write(KEY, DOC);
        assertFalse(metadata().containsKey("statestore-expires-at"), metadata().toString());
        assertNull(backend.readEntry(KEY).expiresAt());
        String version = backend.writeIf(KEY, DOC, backend.readEntry(KEY).version(), AT);
        backend.writeIf(KEY, DOC, version);
        assertFalse(metadata().containsKey("statestore-expires-at"), metadata().toString());
        assertNull(backend.readDocument(KEY).expiresAt());
    }

    @Test
    void marksLieOutsideTheScopeAndItsListings() {
        backend.write(KEY, DOC, AT);
        assertEquals(List.of("api:db"), S3Server.objectNamesUnder(bucket, "alchemy/", SCOPE));
        assertEquals(List.of("dev/api:db"), S3Server.objectNamesUnder(bucket, "alchemy/", Scope.of("app")));
        assertEquals(List.of(KEY), backend.keys());
        assertEquals(Map.of(KEY, backend.readEntry(KEY).version()), backend.versions());
        assertEquals(List.of(MARKS + "1893553445678"), objects("alchemy/%!expiry/"));
        try (S3Scopes scopes = new S3Scopes(S3Server.config(bucket).build())) {
            assertEquals(List.of("app"), scopes.childNames(null));
            assertEquals(List.of("dev"), scopes.childNames(Scope.of("app")));
        }
    }

    /** A nested scope's key of 13 digits puts its marks where a mark's name would be, one level deeper. */
    @Test
    void expiriesListsEachKeysEarliestMarkAndNotANestedScopes() {
        backend.write(KEY, DOC, AT);
        backend.write(KEY, DOC, AT.plusSeconds(5));
        backend.write("other", DOC, AT.plusSeconds(9));
        try (S3Backend nested = open(S3Server.config(bucket).build(), Scope.of("app", "dev", "sub"));
                S3Backend parent = open(S3Server.config(bucket).build(), Scope.of("app"))) {
            nested.write("1893553445678", DOC, AT.minusSeconds(1));
            assertEquals(Map.of(KEY, AT_MS, "other", AT_MS.plusSeconds(9)), backend.expiries());
            assertEquals(Map.of("1893553445678", AT_MS.minusSeconds(1)), nested.expiries());
            assertEquals(Map.of(), parent.expiries());
        }
        assertEquals(AT_MS.plusSeconds(5), backend.readEntry(KEY).expiresAt());
    }

    @Test
    void aStaleMarkIsReportedButChangesNoDocument() {
        raw.putObject(b -> b.bucket(bucket).key("alchemy/%!expiry/app/dev/ghost/0000000001000"),
                RequestBody.empty());
        backend.write(KEY, DOC, AT);
        backend.write(KEY, DOC);
        assertEquals(Map.of("ghost", Instant.ofEpochMilli(1000), KEY, AT_MS), backend.expiries());
        assertNull(backend.readEntry("ghost"));
        assertNull(backend.readEntry(KEY).expiresAt());
        assertEquals(List.of(KEY), backend.keys());
    }

    @Test
    void aRefusedConditionalWriteLeavesOnlyAStaleMark() {
        backend.write(KEY, DOC);
        assertThrows(ConflictException.class, () -> backend.writeIf(KEY, DOC, null, AT));
        assertNull(backend.readEntry(KEY).expiresAt());
        assertEquals(Map.of(KEY, AT_MS), backend.expiries());
    }

    @Test
    void forgetExpiriesRemovesOnlyTheKeysMarksUpToTheInstant() {
        for (int s = 0; s < 3; s++) {
            backend.write(KEY, DOC, AT.plusSeconds(s));
        }
        backend.write("other", DOC, AT);
        backend.forgetExpiries(KEY, AT_MS.plusSeconds(1));
        assertEquals(List.of("alchemy/%!expiry/app/dev/api:db/1893553447678", "alchemy/%!expiry/app/dev/other/"
                + "1893553445678"), objects("alchemy/%!expiry/"));
        backend.forgetExpiries(KEY, AT_MS.plusSeconds(2));
        backend.forgetExpiries("absent", AT_MS);
        assertEquals(Map.of("other", AT_MS), backend.expiries());
        assertArrayEquals(DOC, backend.readEntry(KEY).bytes());
    }

    @Test
    void aKeyTooLongForItsMarksIsNamedByItsHashAndStillListed() {
        String key = "k".repeat(1000);
        backend.write(key, DOC, AT);
        backend.write(key, DOC, AT.plusSeconds(1));
        List<String> marks = objects("alchemy/%!expiry/");
        assertEquals(2, marks.size(), marks.toString());
        assertTrue(marks.get(0).matches("alchemy/%!expiry/app/dev/%~[0-9a-f]{64}/1893553445678"), marks.get(0));
        assertEquals(Map.of(key, AT_MS), backend.expiries());
        assertEquals(AT_MS.plusSeconds(1), backend.readEntry(key).expiresAt());
        backend.forgetExpiries(key, AT_MS.plusSeconds(1));
        assertEquals(List.of(), objects("alchemy/%!expiry/"));
    }

    /**
     * The mark's PUT and the document's conditional PUT each land but lose their answer: the mark is put again
     * (the same empty object), and the document's write is recognized as ours by its write id, with its expiry.
     */
    @Test
    void lostAnswersOfTheMarkAndTheConditionalWriteAreRetriedExactly() throws IOException {
        RetryPolicy fast = RetryPolicy.builder().maxAttempts(3).baseDelay(Duration.ofMillis(1))
                .maxDelay(Duration.ofMillis(10)).build();
        try (FaultProxy proxy = FaultProxy.toS3Server();
                S3Backend faulted = open(proxy.config(bucket).retryPolicy(fast).build(), SCOPE)) {
            proxy.plan(FaultPlan.firstOf("PUT", List.of(Fault.RESET_AFTER, Fault.NONE, Fault.RESET_AFTER)));
            String version = faulted.writeIf(KEY, DOC, null, AT);
            assertEquals(4, proxy.requests("PUT"));
            assertEquals(2, proxy.injected(Fault.RESET_AFTER));
            assertEquals(version, backend.readEntry(KEY).version());
            assertEquals(AT_MS, backend.readEntry(KEY).expiresAt());
            assertEquals(List.of(MARKS + "1893553445678"), objects("alchemy/%!expiry/"));
        }
    }

    @Test
    void metadataThatIsNotMillisecondsIsCorruptState() {
        raw.putObject(b -> b.bucket(bucket).key(OBJECT).metadata(Map.of("statestore-expires-at", "soon")),
                RequestBody.fromBytes(DOC));
        CorruptStateException e = assertThrows(CorruptStateException.class, () -> backend.readEntry(KEY));
        assertTrue(e.getMessage().contains("statestore-expires-at"), e.getMessage());
    }

    /**
     * A plain write is one PUT, as before expiries; a write with an expiry is two (mark, then document); a read is
     * one GET with the expiry in it; {@code expiries()} is one listing however many keys expire.
     */
    @Test
    void requestsOfEachCall() {
        try (RecordingProxy proxy = new RecordingProxy();
                S3Backend recorded = open(S3Server.config(bucket).endpoint(proxy.endpoint()).build(), SCOPE)) {
            assertEquals(List.of("PUT"), methods(proxy, () -> recorded.write(KEY, DOC)));
            List<Request> withExpiry = proxy.requests();
            assertEquals(List.of("PUT", "PUT"), methods(proxy, () -> recorded.write(KEY, DOC, AT)));
            assertEquals("/" + bucket + "/alchemy/%25%21expiry/app/dev/api%3Adb/1893553445678",
                    proxy.requests().get(withExpiry.size()).path());
            assertEquals(List.of("PUT", "PUT"), methods(proxy, () -> recorded.writeIf("x", DOC, null, AT)));
            assertEquals(List.of("PUT"), methods(proxy, () -> recorded.writeIf("y", DOC, null)));
            assertEquals(List.of("GET"), methods(proxy, () -> recorded.readEntry(KEY)));
            assertEquals(List.of("GET"), methods(proxy, () -> recorded.readDocument(KEY)));
            assertEquals(List.of("GET"), methods(proxy, recorded::expiries));
            assertEquals(List.of("GET", "DELETE"), methods(proxy, () -> recorded.forgetExpiries(KEY, AT)));
        }
    }

    /**
     * What the store's calls cost with expiries: {@code set} stays one PUT, with a time to live two; {@code get}
     * one GET; {@code list} lists the scope and the marks (none due); the purge of one expired entry lists the marks, reads
     * the entry, deletes it (HEAD, DELETE) and drops its mark (list, DELETE).
     */
    @Test
    void requestsOfTheStoresCalls() throws InterruptedException {
        try (RecordingProxy proxy = new RecordingProxy();
                StateStore store = S3Server.config(bucket).endpoint(proxy.endpoint()).build().open(SCOPE)) {
            assertEquals(List.of("PUT"), methods(proxy, () -> store.set("plain", state("plain"))));
            assertEquals(List.of("PUT", "PUT"), methods(proxy,
                    () -> store.set("later", state("later"), Duration.ofHours(1))));
            assertEquals(List.of("GET"), methods(proxy, () -> store.get("later")));
            assertEquals(List.of("GET", "GET"), methods(proxy, store::list));
            store.set("expiring", state("expiring"), Duration.ofMillis(1));
            Instant expiresAt = backend.readEntry("expiring").expiresAt();
            while (!Instant.now().isAfter(expiresAt)) {
                Thread.sleep(5);
            }
            assertEquals(List.of("GET", "GET", "HEAD", "DELETE", "GET", "DELETE"),
                    methods(proxy, store::purgeExpired));
            assertEquals(List.of("GET"), methods(proxy, store::purgeExpired));
            assertEquals(1, objects("alchemy/%!expiry/").size());
        }
    }

    private static List<String> methods(RecordingProxy proxy, Runnable call) {
        int before = proxy.requests().size();
        call.run();
        List<Request> requests = proxy.requests();
        return requests.subList(before, requests.size()).stream().map(Request::method).toList();
    }
}
