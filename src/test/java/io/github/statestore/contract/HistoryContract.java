package io.github.statestore.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.statestore.ConflictException;
import io.github.statestore.HistoryEntry;
import io.github.statestore.HistoryPolicy;
import io.github.statestore.Lease;
import io.github.statestore.LockInfo;
import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.StateStoreException;
import io.github.statestore.StateStores;
import io.github.statestore.StoreConfig;
import io.github.statestore.Version;
import io.github.statestore.VersionNotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * History and rollback on every backend that keeps history: each overwrite and delete keeps the replaced
 * version, listed newest first with its facts; an old version reads back; a restore writes one back with
 * compare-and-set, and undeletes; the policy's bounds by count and by age (on a clock the test moves);
 * {@code clear()} keeps what it deletes; racing writers lose no version; and the history stays out of sight of
 * {@code list()}, {@code locks()}, scope discovery and Alchemy's view of the storage. With history off, nothing
 * is kept.
 */
public abstract class HistoryContract extends ExpiryContract {
    private static final Instant START = Instant.parse("2024-05-01T10:00:00Z");
    private final ManualClock clock = new ManualClock(START);

    /** {@return a store of scope app/dev in a new space keeping history by {@code policy} on the test's clock} */
    private StateStore historyStore(HistoryPolicy.Builder policy) {
        return open(historyConfig(policy), Scope.of("app", "dev"));
    }

    private StoreConfig historyConfig(HistoryPolicy.Builder policy) {
        requires(Capability.HISTORY);
        StoreConfig config = newConfig(policy.clock(clock).build());
        assumeTrue(config != null, () -> getClass().getSimpleName() + " declares no " + Capability.HISTORY + " ("
                + Capability.HISTORY.meaning() + "), which this test needs");
        return config;
    }

    private static HistoryPolicy.Builder keep(int versions) {
        return HistoryPolicy.builder().keepVersions(versions);
    }

    /** A state with a status and seq of its own. */
    private static State state(String id, State.Status status, long seq) {
        return ContractFixture.state(id).toBuilder().status(status).seq(seq).build();
    }

    private static Version version(StateStore s, String key) {
        return s.getVersioned(key).orElseThrow().version();
    }

    @Test
    void everyOverwriteAndDeleteKeepsTheReplacedVersionNewestFirstWithItsFacts() {
        StateStore s = historyStore(keep(10));
        State first = state("k", State.Status.CREATING, 1);
        State second = state("k", State.Status.CREATED, 2);
        State third = state("k", State.Status.UPDATED, 3);
        Version v1 = s.create("k", first);
        clock.advance(Duration.ofMinutes(1));
        s.set("k", second);
        Version v2 = version(s, "k");
        clock.advance(Duration.ofMinutes(1));
        Version v3 = s.setIf("k", third, v2);
        clock.advance(Duration.ofMinutes(1));
        s.delete("k");

        List<HistoryEntry> history = s.history("k");
        assertEquals(List.of(v3, v2, v1), history.stream().map(HistoryEntry::version).toList());
        assertEquals(List.of(true, false, false), history.stream().map(HistoryEntry::deleted).toList());
        assertEquals(List.of(START.plusSeconds(180), START.plusSeconds(120), START.plusSeconds(60)),
                history.stream().map(HistoryEntry::replacedAt).toList());
        assertEquals(List.of(Optional.of(State.Status.UPDATED), Optional.of(State.Status.CREATED),
                Optional.of(State.Status.CREATING)), history.stream().map(HistoryEntry::status).toList());
        assertEquals(List.of(OptionalLong.of(3), OptionalLong.of(2), OptionalLong.of(1)),
                history.stream().map(HistoryEntry::seq).toList());
        assertEquals(List.of((long) third.toJsonBytes().length, (long) second.toJsonBytes().length,
                (long) first.toJsonBytes().length), history.stream().map(HistoryEntry::size).toList());
        assertEquals(List.of(), s.history("never-written"));
    }

    @Test
    void anOldVersionReadsBackAndSoDoesTheCurrentOne() {
        StateStore s = historyStore(keep(10));
        Version v1 = s.create("a/b", state("one", State.Status.CREATED, 1));
        Version v2 = s.setIf("a/b", state("two", State.Status.UPDATED, 2), v1);
        assertEquals(Optional.of(state("one", State.Status.CREATED, 1)), s.getAt("a/b", v1));
        assertEquals(Optional.of(state("two", State.Status.UPDATED, 2)), s.getAt("a/b", v2));
        assertEquals(Optional.empty(), s.getAt("a/b", Version.of("\"never-a-version\"")));
        assertEquals(Optional.empty(), s.getAt("other", v1));
    }

    @Test
    void restoreWritesAnOldVersionBackAsANewVersionAndKeepsTheOneItReplaces() {
        StateStore s = historyStore(keep(10));
        State one = state("one", State.Status.CREATED, 1);
        State two = state("two", State.Status.UPDATED, 2);
        Version v1 = s.create("k", one);
        Version v2 = s.setIf("k", two, v1);
        Version restored = s.restore("k", v1);
        assertEquals(restored, version(s, "k"));
        assertEquals(one, s.get("k").orElseThrow());
        assertEquals(List.of(v2, v1), s.history("k").stream().map(HistoryEntry::version).toList());
        Version again = s.setIf("k", two, restored);
        assertEquals(two, s.getAt("k", again).orElseThrow());
    }

    @Test
    void restoreIfConflictsWhenTheKeyChangedSinceAndWritesNothing() {
        StateStore s = historyStore(keep(10));
        Version v1 = s.create("k", state("one", State.Status.CREATED, 1));
        Version v2 = s.setIf("k", state("two", State.Status.UPDATED, 2), v1);
        Version v3 = s.setIf("k", state("three", State.Status.UPDATED, 3), v2);
        ConflictException e = assertThrows(ConflictException.class, () -> s.restoreIf("k", v1, v2));
        assertEquals("k", e.getKey());
        assertEquals(v3, version(s, "k"));
        assertEquals(List.of(v2, v1), s.history("k").stream().map(HistoryEntry::version).toList());

        s.delete("k");
        assertThrows(ConflictException.class, () -> s.restoreIf("k", v1, v3));
        assertEquals(Optional.empty(), s.get("k"));

        Version back = s.restore("k", v1);
        s.restoreIf("k", v2, back);
        assertEquals(state("two", State.Status.UPDATED, 2), s.get("k").orElseThrow());
    }

    @Test
    void restoreUndeletesADeletedKey() {
        StateStore s = historyStore(keep(10));
        State kept = state("gone", State.Status.DELETED, 7);
        s.set("gone", kept);
        Version before = version(s, "gone");
        s.delete("gone");
        assertEquals(List.of(), s.list());
        HistoryEntry deleted = s.history("gone").get(0);
        assertTrue(deleted.deleted());
        assertEquals(before, deleted.version());
        s.restore("gone", deleted.version());
        assertEquals(List.of("gone"), s.list());
        assertEquals(kept, s.get("gone").orElseThrow());
    }

    @Test
    void aVersionTheHistoryDoesNotKeepIsNotRestoredAndNothingIsWritten() {
        StateStore s = historyStore(keep(10));
        Version v1 = s.create("k", state("one", State.Status.CREATED, 1));
        VersionNotFoundException e = assertThrows(VersionNotFoundException.class, () -> s.restore("k", v1));
        assertEquals("k", e.getKey());
        assertEquals(v1, e.getVersion());
        assertThrows(VersionNotFoundException.class, () -> s.restore("absent", v1));
        assertEquals(v1, version(s, "k"));
        assertEquals(List.of("k"), s.list());
        assertEquals(List.of(), s.history("k"));
    }

    @Test
    void theHistoryKeepsAtMostTheNewestVersionsThePolicyCounts() {
        StateStore s = historyStore(keep(3));
        List<Version> versions = new ArrayList<>();
        versions.add(s.create("k", state("v0", State.Status.CREATED, 0)));
        for (int i = 1; i <= 6; i++) {
            versions.add(s.setIf("k", state("v" + i, State.Status.UPDATED, i), versions.get(i - 1)));
        }
        assertEquals(List.of(versions.get(5), versions.get(4), versions.get(3)),
                s.history("k").stream().map(HistoryEntry::version).toList());
        assertThrows(VersionNotFoundException.class, () -> s.restore("k", versions.get(0)));
    }

    @Test
    void theHistoryDropsVersionsOlderThanThePolicyKeepsThem() {
        StateStore s = historyStore(HistoryPolicy.builder().keepFor(Duration.ofHours(1)));
        Version v1 = s.create("k", state("v1", State.Status.CREATED, 1));
        Version v2 = s.setIf("k", state("v2", State.Status.UPDATED, 2), v1);
        clock.advance(Duration.ofMinutes(30));
        Version v3 = s.setIf("k", state("v3", State.Status.UPDATED, 3), v2);
        assertEquals(List.of(v2, v1), s.history("k").stream().map(HistoryEntry::version).toList());
        clock.advance(Duration.ofMinutes(45));
        s.setIf("k", state("v4", State.Status.UPDATED, 4), v3);
        assertEquals(List.of(v3, v2), s.history("k").stream().map(HistoryEntry::version).toList());
    }

    @Test
    void clearDeletesTheDocumentsAndKeepsEachInItsHistory() {
        StateStore s = historyStore(keep(10));
        s.set("a", state("a", State.Status.CREATED, 1));
        s.set("b/c", state("b/c", State.Status.CREATED, 1));
        Version a = version(s, "a");
        s.clear();
        assertEquals(List.of(), s.list());
        HistoryEntry kept = s.history("a").get(0);
        assertEquals(a, kept.version());
        assertTrue(kept.deleted());
        assertEquals(1, s.history("b/c").size());
        s.restore("a", a);
        assertEquals(List.of("a"), s.list());
        s.clear();
        assertEquals(2, s.history("a").size());
    }

    @Test
    void racingWritersOfSeparateStoresLoseNoVersionAndKeepNoneTwice() throws Exception {
        requires(Capability.SHARED_INSTANCES);
        StoreConfig config = historyConfig(keep(1000));
        Scope scope = Scope.of("app", "dev");
        List<StateStore> writers = List.of(open(config, scope), open(config, scope));
        writers.get(0).create("k", state("initial", State.Status.CREATED, 0));
        int perWriter = 12;
        ExecutorService pool = Executors.newFixedThreadPool(writers.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers.size(); w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        writers.get(writer).set("k", state("w" + writer + "-" + i, State.Status.UPDATED, i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        StateStore reader = open(config, scope);
        List<HistoryEntry> history = reader.history("k");
        assertEquals(writers.size() * perWriter, history.size(), history.toString());
        Set<String> ids = new TreeSet<>();
        for (HistoryEntry entry : history) {
            ids.add(reader.getAt("k", entry.version()).orElseThrow().id());
        }
        ids.add(reader.get("k").orElseThrow().id());
        Set<String> written = new TreeSet<>(Set.of("initial"));
        for (int w = 0; w < writers.size(); w++) {
            for (int i = 0; i < perWriter; i++) {
                written.add("w" + w + "-" + i);
            }
        }
        assertEquals(written, ids);
    }

    @Test
    void theHistoryIsOutOfSightOfListingsLocksScopesAndAlchemy() throws Exception {
        StoreConfig config = historyConfig(keep(10));
        StateStore s = open(config, Scope.of("app", "dev"));
        StateStore parent = open(config, Scope.of("app"));
        for (int i = 1; i <= 3; i++) {
            parent.set("dev", state("dev", State.Status.UPDATED, i));
        }
        parent.delete("dev");
        for (int i = 1; i <= 3; i++) {
            s.set("a", state("a", State.Status.UPDATED, i));
            s.set("b", state("b", State.Status.UPDATED, i));
        }
        s.delete("b");
        try (Lease lease = s.lock("deploy", Duration.ofSeconds(10))) {
            assertTrue(lease.isHeld());
        }
        assertEquals(List.of("a"), s.list());
        assertEquals(1, s.count());
        assertEquals(Map.of("a", state("a", State.Status.UPDATED, 3)), s.all());
        assertEquals(List.of(), parent.list());
        assertEquals(List.of("deploy"), s.locks().stream().map(LockInfo::name).toList());
        assertEquals(List.of(), parent.locks());
        assertEquals(3, parent.history("dev").size());
        assertEquals(List.of(), s.history("dev"));
        assertEquals(3, s.history("b").size());
        assertEquals(List.of(), open(config, Scope.of("app", "dev", "b")).history("x"));
        if (capabilities().contains(Capability.SCOPE_DISCOVERY)) {
            assertEquals(List.of(Scope.of("app"), Scope.of("app", "dev")), StateStores.scopes(config));
        }
        List<String> raw = rawDocumentNames(config, Scope.of("app", "dev"));
        if (raw != null) {
            assertEquals(List.of("a"), raw.stream().map(n -> n.endsWith(".json") ? n.substring(0, n.length() - 5) : n)
                    .sorted().toList(), raw.toString());
            assertEquals(List.of(), rawDocumentNames(config, Scope.of("app")).stream()
                    .filter(n -> !n.startsWith("dev/")).toList());
        }
    }

    @Test
    void withHistoryOffNothingIsKeptAndRestoreSaysHistoryIsOff() {
        historyConfig(keep(1));
        Version v1 = store.create("k", state("one", State.Status.CREATED, 1));
        Version v2 = store.setIf("k", state("two", State.Status.UPDATED, 2), v1);
        store.set("k", state("three", State.Status.UPDATED, 3));
        store.delete("k");
        assertEquals(List.of(), store.history("k"));
        assertEquals(Optional.empty(), store.getAt("k", v2));
        StateStoreException e = assertThrows(StateStoreException.class, () -> store.restore("k", v1));
        assertTrue(e.getMessage().contains("History is off"), e.getMessage());
        assertFalse(e instanceof VersionNotFoundException);
    }
}
