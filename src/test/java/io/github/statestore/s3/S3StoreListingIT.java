package io.github.statestore.s3;

import static io.github.statestore.contract.StateStoreContract.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Proves, against a real S3 API server (S3Proxy), that list, count, clear and batch reads cover every key of a
 * scope beyond S3's 1,000-key pages and DeleteObjects batches, and nothing else: not nested scopes' objects, not
 * objects the store could not have written.
 */
class S3StoreListingIT {
    private static final int MANY = 2_600;
    private static final Scope SCOPE = Scope.of("my-app", "dev");
    private static final String NESTED = "alchemy/my-app/dev/child/x";
    private static final String FOREIGN = "alchemy/my-app/dev/bad%name";

    private final S3Client raw = S3Server.rawClient();
    private final String bucket = S3Server.newBucket();
    private final StateStore store = S3Server.config(bucket).build().open(SCOPE);

    @AfterEach
    void close() {
        store.close();
        raw.close();
    }

    /** Keys whose order differs from their objects' order: "n/2" is "n:2" in S3, after "n1" there, before it here. */
    private static List<String> manyKeys() {
        return IntStream.range(0, MANY).mapToObj(i -> i % 2 == 0 ? "n/" + i : "n" + i).toList();
    }

    private void put(String objectKey, State state) {
        raw.putObject(b -> b.bucket(bucket).key(objectKey).contentType("application/json"),
                RequestBody.fromBytes(state.toJsonBytes()));
    }

    private void putAll(List<String> keys) throws Exception {
        S3Layout layout = new S3Layout(S3Config.DEFAULT_PREFIX, SCOPE);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (String key : keys) {
                puts.add(pool.submit(() -> put(layout.objectKey(key), state(key))));
            }
            for (Future<?> put : puts) {
                put.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> objectKeys() {
        return raw.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).toList();
    }

    @Test
    void listAndCountCoverEveryPageSortedByKey() throws Exception {
        putAll(manyKeys());
        assertTrue(raw.listObjectsV2(b -> b.bucket(bucket)).isTruncated(), "the server pages the listing");
        List<String> listed = store.list();
        assertEquals(new ArrayList<>(new TreeSet<>(manyKeys())), listed);
        assertEquals(MANY, store.count());
    }

    @Test
    void listSkipsNestedScopesAndWarnsAboutForeignObjects() throws Exception {
        putAll(List.of("a", "b/c"));
        put(NESTED, state("x"));
        put(FOREIGN, state("x"));
        try (CapturedLogs logs = new CapturedLogs()) {
            assertEquals(List.of("a", "b/c"), store.list());
            assertEquals(2, store.count());
            assertEquals(2, store.all().size());
            List<String> warnings = logs.lines().stream().filter(l -> l.startsWith("WARN")).toList();
            assertTrue(warnings.stream().anyMatch(l -> l.contains("s3://" + bucket + "/" + FOREIGN)), warnings.toString());
            assertTrue(warnings.stream().noneMatch(l -> l.contains("child")), warnings.toString());
        }
        try (StateStore child = S3Server.config(bucket).build().open(Scope.of("my-app", "dev", "child"))) {
            assertEquals(List.of("x"), child.list());
        }
    }

    /** S3Proxy, like S3, answers 400 to a DeleteObjects of more than 1,000 keys, so this needs real batching. */
    @Test
    void clearDeletesEveryKeyInSeveralBatchesAndNothingElse() throws Exception {
        putAll(manyKeys());
        put(NESTED, state("x"));
        put(FOREIGN, state("x"));
        store.clear();
        assertEquals(List.of(), store.list());
        assertEquals(List.of(FOREIGN, NESTED), objectKeys());
    }

    @Test
    void batchReadsReturnExactlyThePresentKeysInRequestOrder() throws Exception {
        List<String> present = IntStream.range(0, 300).mapToObj(i -> "k/" + i).toList();
        putAll(present);
        List<String> requested = new ArrayList<>();
        for (int i = 299; i >= 0; i--) {
            requested.add("k/" + i);
            if (i % 6 == 0) {
                requested.add("missing/" + i);
            }
        }
        Map<String, State> got = store.getBatch(requested);
        assertEquals(requested.stream().filter(k -> k.startsWith("k/")).toList(), new ArrayList<>(got.keySet()));
        got.forEach((key, state) -> assertEquals(state(key), state, key));
        Map<String, State> all = store.all();
        assertEquals(new ArrayList<>(new TreeSet<>(present)), new ArrayList<>(all.keySet()));
        all.forEach((key, state) -> assertEquals(state(key), state, key));
    }
}
