package io.github.statestore.s3;

import static io.github.statestore.contract.StateStoreContract.state;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.statestore.CorruptStateException;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Proves, against a real S3 API server (S3Proxy), that a corrupt object is reported as
 * {@link CorruptStateException} naming its key and object URL, is never deleted or rewritten, and does not
 * stop the other keys from being listed and read; and that a corrupt lock entry makes {@code lock} fail
 * saying which lock and which object.
 */
class S3CorruptionIT {
    private static final Scope SCOPE = Scope.of("app", "dev");
    private static final String KEY = "corrupt/doc";
    private static final String LOCK = "deploy";
    private static final byte[] VALID = state(KEY).toJsonBytes();

    private final S3Client raw = S3Server.rawClient();
    private final S3Layout layout = new S3Layout(S3Config.DEFAULT_PREFIX, SCOPE);
    private final String bucket = S3Server.newBucket();
    private StateStore store;

    @BeforeEach
    void openStore() {
        store = S3Server.config(bucket).build().open(SCOPE);
        store.set("good", state("good"));
        store.set("other/key", state("other/key"));
    }

    @AfterEach
    void close() {
        store.close();
        raw.close();
    }

    static Stream<Arguments> corruptObjects() {
        String valid = new String(VALID, StandardCharsets.UTF_8);
        byte[] invalidUtf8 = utf8(valid);
        invalidUtf8[valid.indexOf("Thing") + 2] = (byte) 0xff;
        return Stream.of(
                arguments("invalid JSON", utf8("{ \"status\": created, }")),
                arguments("truncated JSON", Arrays.copyOf(VALID, VALID.length / 2)),
                arguments("empty object", new byte[0]),
                arguments("not an object", utf8("[" + valid + "]")),
                arguments("bad status", utf8(valid.replace("\"created\"", "\"bogus\""))),
                arguments("invalid UTF-8", invalidUtf8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptObjects")
    void getThrowsNamingKeyAndObject(String description, byte[] bytes) {
        String objectKey = layout.objectKey(KEY);
        put(objectKey, bytes);
        CorruptStateException e = assertThrows(CorruptStateException.class, () -> store.get(KEY));
        assertEquals(KEY, e.getKey());
        assertEquals("s3://" + bucket + "/" + objectKey, e.getLocation());
        assertTrue(e.getMessage().contains(e.getLocation()), e.getMessage());
        assertThrows(CorruptStateException.class, () -> store.getVersioned(KEY));
        assertArrayEquals(bytes, read(objectKey), "the corrupt object is left as it was");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptObjects")
    void readingInBulkThrowsAndOtherKeysStillWork(String description, byte[] bytes) {
        String objectKey = layout.objectKey(KEY);
        put(objectKey, bytes);
        assertEquals(KEY, assertThrows(CorruptStateException.class, store::all).getKey());
        assertEquals(KEY, assertThrows(CorruptStateException.class,
                () -> store.getBatch(List.of("good", KEY))).getKey());
        assertEquals(List.of(KEY, "good", "other/key"), store.list());
        assertEquals(Map.of("good", state("good"), "other/key", state("other/key")),
                store.getBatch(List.of("good", "missing", "other/key")));
        assertArrayEquals(bytes, read(objectKey), "the corrupt object is left as it was");
        store.set(KEY, state(KEY));
        assertEquals(state(KEY), store.get(KEY).orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptObjects")
    void lockingOverACorruptLockEntryNamesTheLockAndObject(String description, byte[] bytes) {
        String objectKey = layout.lockObjectKey(LOCK);
        put(objectKey, bytes);
        CorruptStateException e = assertThrows(CorruptStateException.class,
                () -> store.lock(LOCK, Duration.ofSeconds(10)));
        assertEquals(LOCK, e.getKey());
        assertEquals("s3://" + bucket + "/" + objectKey, e.getLocation());
        assertTrue(e.getMessage().contains(e.getLocation() + ": not a lock entry: "),
                e.getMessage());
        assertArrayEquals(bytes, read(objectKey), "the corrupt lock entry is left as it was");
    }

    private void put(String objectKey, byte[] bytes) {
        raw.putObject(r -> r.bucket(bucket).key(objectKey), RequestBody.fromBytes(bytes));
    }

    private byte[] read(String objectKey) {
        return raw.getObjectAsBytes(r -> r.bucket(bucket).key(objectKey)).asByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
