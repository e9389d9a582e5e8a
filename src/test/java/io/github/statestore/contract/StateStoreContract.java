package io.github.statestore.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.InvalidKeyException;
import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.StoreClosedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every backend shares. A backend's test class extends this and supplies only a fresh config
 * per test; every test here then runs against that backend.
 */
public abstract class StateStoreContract extends ScopeDiscoveryContract {

    @Test
    void missingKeyIsEmpty() {
        assertEquals(Optional.empty(), store.get("nope"));
        assertEquals(List.of(), store.list());
        assertEquals(0, store.count());
        assertEquals(Map.of(), store.all());
    }

    @Test
    void setThenGetReturnsEqualState() {
        State s = state("a").toBuilder().output(Map.of("n", 1, "list", List.of(true, "x"), "nested",
                Map.of("@date", "1970-01-01T00:00:00.000Z"))).field("future", Map.of("kept", true)).build();
        store.set("a", s);
        assertEquals(Optional.of(s), store.get("a"));
        assertEquals(s.toJson(), store.get("a").orElseThrow().toJson());
    }

    @Test
    void overwriteReplaces() {
        store.set("a", state("a"));
        State newer = state("a").toBuilder().status(State.Status.UPDATED).seq(2).build();
        store.set("a", newer);
        assertEquals(newer, store.get("a").orElseThrow());
        assertEquals(1, store.count());
    }

    @Test
    void deleteRemovesAndAbsentDeleteIsNoError() {
        store.set("a", state("a"));
        store.delete("a");
        assertEquals(Optional.empty(), store.get("a"));
        store.delete("a");
        store.delete("never-there");
        assertEquals(List.of(), store.list());
    }

    @Test
    void listIsSortedAndCountMatches() {
        for (String k : List.of("b", "a/z", "c", "a")) {
            store.set(k, state(k));
        }
        assertEquals(List.of("a", "a/z", "b", "c"), store.list());
        assertEquals(4, store.count());
        assertEquals(List.of("a", "a/z", "b", "c"), new ArrayList<>(store.all().keySet()));
    }

    @Test
    void getBatchSkipsMissingAndCollapsesDuplicates() {
        store.set("a", state("a"));
        store.set("b", state("b"));
        Map<String, State> got = store.getBatch(List.of("b", "missing", "a", "b", "a"));
        assertEquals(List.of("b", "a"), new ArrayList<>(got.keySet()));
        assertEquals(state("a"), got.get("a"));
        assertEquals(state("b"), got.get("b"));
        assertEquals(Map.of(), store.getBatch(List.of()));
    }

    @Test
    void getBatchRejectsAnInvalidKeyBeforeReading() {
        store.set("a", state("a"));
        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> store.getBatch(List.of("a", "")));
        assertEquals("", e.getKey());
    }

    @Test
    void allReturnsEveryState() {
        Map<String, State> expected = new TreeMap<>();
        for (int i = 0; i < 25; i++) {
            expected.put("k" + i, state("k" + i));
            store.set("k" + i, state("k" + i));
        }
        assertEquals(expected, store.all());
    }

    @Test
    void clearRemovesThisScopeOnly() {
        StateStore child = open(Scope.of("app", "dev", "child"));
        StateStore parent = open(Scope.of("app"));
        store.set("a", state("a"));
        store.set("b/c", state("b/c"));
        child.set("x", state("x"));
        parent.set("p", state("p"));
        store.clear();
        assertEquals(List.of(), store.list());
        assertEquals(List.of("x"), child.list());
        assertEquals(List.of("p"), parent.list());
        store.clear();
    }

    @Test
    void scopesNeverSeeEachOthersKeys() {
        StateStore parent = open(Scope.of("app"));
        StateStore child = open(Scope.of("app", "dev", "api"));
        StateStore sibling = open(Scope.of("app", "prod"));
        StateStore sameNameElsewhere = open(Scope.of("other", "dev"));
        store.set("only-dev", state("only-dev"));
        store.set("shared", state("dev"));
        child.set("shared", state("child"));
        parent.set("only-parent", state("parent"));
        sibling.set("shared", state("sibling"));
        assertEquals(List.of("only-dev", "shared"), store.list());
        assertEquals(List.of("shared"), child.list());
        assertEquals(List.of("only-parent"), parent.list());
        assertEquals(List.of("shared"), sibling.list());
        assertEquals(List.of(), sameNameElsewhere.list());
        assertEquals("dev", store.get("shared").orElseThrow().id());
        assertEquals("child", child.get("shared").orElseThrow().id());
        assertEquals("sibling", sibling.get("shared").orElseThrow().id());
        assertEquals(Optional.empty(), parent.get("shared"));
        assertEquals(Optional.empty(), parent.get("dev/shared"));
        assertEquals(Optional.empty(), store.get("only-parent"));
    }

    @Test
    void awkwardKeysRoundTrip() {
        for (String key : AwkwardKeys.ALL) {
            store.set(key, state(key));
        }
        List<String> sorted = new ArrayList<>(AwkwardKeys.ALL);
        sorted.sort(null);
        assertEquals(sorted, store.list());
        for (String key : AwkwardKeys.ALL) {
            assertEquals(state(key), store.get(key).orElseThrow(), key);
        }
        assertEquals(AwkwardKeys.ALL.size(), store.getBatch(AwkwardKeys.ALL).size());
        for (String key : AwkwardKeys.ALL) {
            store.delete(key);
        }
        assertEquals(List.of(), store.list());
    }

    @Test
    void invalidKeysAreRejectedAndNothingIsWritten() {
        String tooLong = "x".repeat(1025);
        for (String key : Arrays.asList("", ".", "..", "nul\0", "new\nline", "del\u007f", "c1\u0085", "\ud800", "x\udc00y",
                tooLong, "%".repeat(342))) {
            InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> store.set(key, state("x")));
            assertEquals(key, e.getKey());
            assertThrows(InvalidKeyException.class, () -> store.get(key));
            assertThrows(InvalidKeyException.class, () -> store.delete(key));
        }
        assertThrows(InvalidKeyException.class, () -> store.get(null));
        assertEquals(List.of(), store.list());
    }

    @Test
    void storedStateCannotBeChangedByTheCaller() {
        Map<String, Object> props = new HashMap<>(Map.of("n", 1));
        State s = state("a").toBuilder().props(props).build();
        props.put("n", 2);
        store.set("a", s);
        assertEquals(1L, store.get("a").orElseThrow().props().get("n"));
        assertThrows(UnsupportedOperationException.class,
                () -> store.get("a").orElseThrow().props().put("n", 3));
    }

    @Test
    void concurrentUseLosesNothingAndNeverTearsAReading() throws Exception {
        int threads = 8;
        int perThread = 25;
        State big = state("shared").toBuilder().output(Map.of("blob", "x".repeat(20_000))).build();
        State small = state("shared");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        store.set("t" + id + "/" + i, state("t" + id + "-" + i));
                        store.set("shared", i % 2 == 0 ? big : small);
                        State seen = store.get("shared").orElseThrow();
                        assertTrue(seen.equals(big) || seen.equals(small), "torn read");
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * perThread + 1, store.count());
        Map<String, State> all = store.all();
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                assertEquals("t" + t + "-" + i, all.get("t" + t + "/" + i).id());
            }
        }
    }

    @Test
    void aClosedStoreRefusesCalls() {
        requires(Capability.SHARED_INSTANCES);
        store.set("a", state("a"));
        store.close();
        store.close();
        assertThrows(StoreClosedException.class, () -> store.get("a"));
        assertThrows(StoreClosedException.class, () -> store.list());
        assertThrows(StoreClosedException.class, () -> store.set("a", state("a")));
        StateStore again = open(Scope.of("app", "dev"));
        assertEquals(List.of("a"), again.list());
    }

    @Test
    void initIsIdempotentAndKeepsData() {
        store.init();
        store.set("a", state("a"));
        store.init();
        assertEquals(List.of("a"), store.list());
        assertFalse(store.scope().names().isEmpty());
        assertEquals(Scope.of("app", "dev"), store.scope());
    }
}
