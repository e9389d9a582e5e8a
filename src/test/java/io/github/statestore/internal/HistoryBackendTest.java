package io.github.statestore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.ConflictException;
import io.github.statestore.HistoryEntry;
import io.github.statestore.HistoryPolicy;
import io.github.statestore.InvalidConfigException;
import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.Version;
import io.github.statestore.contract.ContractFixture;
import io.github.statestore.spi.BackendStores;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the history mechanism does when another writer gets between keeping a version and writing: a plain
 * {@code set} or {@code delete} drops the entry it kept and starts over, so that the history holds each replaced
 * version once; a restore conflicts and writes nothing; a prune that fails does not fail the write; and a store
 * with history on refuses a backend that keeps none.
 */
class HistoryBackendTest {
    private static final Scope SCOPE = Scope.of("app", "dev");
    private final MapBackend backend = new MapBackend();
    private final StateStore store = new BackendStateStore(SCOPE, backend, SecretCodec.withPassword("pw"),
            HistoryPolicy.keepVersions(10));
    /** A second store of the same backend, whose writes get between the first store's steps. */
    private final StateStore other = new BackendStateStore(SCOPE, backend, SecretCodec.withPassword("pw"),
            HistoryPolicy.keepVersions(10));

    @AfterEach
    void close() {
        store.close();
    }

    private static State state(String id) {
        return ContractFixture.state(id);
    }

    private List<String> ids(String key) {
        return store.history(key).stream().map(e -> store.getAt(key, e.version()).orElseThrow().id()).toList();
    }

    @Test
    void aSetThatAnotherWriterOvertookKeepsOnlyWhatWasReallyReplaced() {
        store.set("k", state("one"));
        backend.beforeNextWriteIf(() -> other.set("k", state("racer")));
        store.set("k", state("two"));
        assertEquals("two", store.get("k").orElseThrow().id());
        assertEquals(List.of("racer", "one"), ids("k"));
        assertEquals(2, backend.stored("k").size());
    }

    @Test
    void aDeleteThatAnotherWriterOvertookKeepsWhatItReallyDeleted() {
        store.set("k", state("one"));
        backend.beforeNextWriteIf(() -> other.set("k", state("racer")));
        store.delete("k");
        assertTrue(store.get("k").isEmpty());
        List<HistoryEntry> history = store.history("k");
        assertEquals(List.of(true, false), history.stream().map(HistoryEntry::deleted).toList());
        assertEquals(List.of("racer", "one"), ids("k"));
    }

    @Test
    void aRestoreThatAnotherWriterOvertookConflictsAndWritesNothing() {
        Version v1 = store.create("k", state("one"));
        store.setIf("k", state("two"), v1);
        backend.beforeNextWriteIf(() -> other.set("k", state("racer")));
        assertThrows(ConflictException.class, () -> store.restore("k", v1));
        assertEquals("racer", store.get("k").orElseThrow().id());
        assertEquals(List.of("two", "one"), ids("k"));
    }

    @Test
    void aSetGivesUpAfterOtherWritersOvertookItEveryTime() {
        store.set("k", state("one"));
        AtomicInteger races = new AtomicInteger();
        Runnable[] race = new Runnable[1];
        race[0] = () -> {
            other.set("k", state("racer" + races.incrementAndGet()));
            backend.beforeNextWriteIf(race[0]);
        };
        backend.beforeNextWriteIf(race[0]);
        ConflictException e = assertThrows(ConflictException.class, () -> store.set("k", state("never")));
        assertTrue(e.getMessage().contains("after " + HistoryBackend.MAX_ATTEMPTS + " attempts"), e.getMessage());
        assertEquals(HistoryBackend.MAX_ATTEMPTS, races.get());
        backend.beforeNextWriteIf(null);
        assertEquals("racer" + races.get(), store.get("k").orElseThrow().id());
        List<String> kept = ids("k");
        assertEquals("racer" + (races.get() - 1), kept.get(0));
        assertTrue(kept.size() <= 10, kept.toString());
    }

    @Test
    void aPruneThatFailsDoesNotFailTheWrite() {
        StateStore one = new BackendStateStore(SCOPE, backend, SecretCodec.withPassword("pw"),
                HistoryPolicy.keepVersions(1));
        one.set("k", state("a"));
        one.set("k", state("b"));
        backend.failHistoryDeletes();
        one.set("k", state("c"));
        assertEquals("c", one.get("k").orElseThrow().id());
        assertEquals(List.of("b", "a"), ids("k"));
    }

    @Test
    void aStoreWithHistoryOnRefusesABackendThatKeepsNone() {
        MapBackend plain = new MapBackend(false);
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> BackendStores.open(SCOPE, plain, "pw", HistoryPolicy.keepVersions(3)));
        assertEquals("history", e.getSetting());
        assertTrue(plain.closed());
    }
}
