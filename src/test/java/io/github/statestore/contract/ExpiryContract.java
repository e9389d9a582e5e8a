package io.github.statestore.contract;

import static io.github.statestore.contract.ChangeLog.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.ChangeEvent.Type;
import io.github.statestore.ConflictException;
import io.github.statestore.InvalidArgumentException;
import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.Subscription;
import io.github.statestore.Version;
import io.github.statestore.WatchOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Expiring entries on every backend that keeps expiry: an entry written with a time to live reads back, with its
 * expiry, until that passes; then it is absent for every read ({@code get}, {@code getVersioned},
 * {@code getBatch}, {@code all}, {@code list}, {@code count}) and for {@code create}, a watch reports it deleted,
 * and {@code purgeExpired()} removes it; a write without a time to live makes an entry permanent again; the
 * expiry stays out of Alchemy's view of the storage. The tests wait for real time to pass (a few hundred
 * milliseconds each): expiry is judged by the clock of the machine that reads, and no test moves it.
 */
public abstract class ExpiryContract extends ContractFixture {
    /** A time to live that outlasts every test. */
    private static final Duration HOUR = Duration.ofHours(1);
    /** A time to live the tests wait out. */
    private static final Duration SHORT = Duration.ofMillis(300);
    private static final WatchOptions QUICK = WatchOptions.builder().pollInterval(Duration.ofMillis(50)).build();

    /**
     * Writes with {@link #SHORT} and returns the instant by which the entry has expired.
     *
     * @param write the write, made with {@link #SHORT}
     * @return an instant no earlier than the entry's expiry
     */
    private static Instant shortLived(Runnable write) {
        write.run();
        return Instant.now().plus(SHORT).plusMillis(2);
    }

    /** Waits until this machine's clock is past an instant. */
    private static void waitUntil(Instant instant) throws InterruptedException {
        long millis;
        while ((millis = Duration.between(Instant.now(), instant).toMillis()) >= 0) {
            Thread.sleep(millis + 1);
        }
    }

    @Test
    void anEntryWithATimeToLiveReadsBackWithItsExpiryUntilThen() {
        requires(Capability.EXPIRY);
        Instant before = Instant.now();
        store.set("a/b", state("a"), HOUR);
        Instant after = Instant.now();
        Instant expiresAt = store.expiresAt("a/b").orElseThrow();
        assertFalse(expiresAt.isBefore(before.plus(HOUR).truncatedTo(ChronoUnit.MILLIS)),
                expiresAt + " is before " + before.plus(HOUR));
        assertFalse(expiresAt.isAfter(after.plus(HOUR).plusMillis(1)), expiresAt + " is after " + after.plus(HOUR));
        assertEquals(expiresAt.toEpochMilli() * 1_000_000, expiresAt.getEpochSecond() * 1_000_000_000
                + expiresAt.getNano(), "whole milliseconds");
        assertEquals(Optional.of(state("a")), store.get("a/b"));
        assertTrue(store.getVersioned("a/b").isPresent());
        assertEquals(List.of("a/b"), store.list());
        assertEquals(1, store.count());
        assertEquals(Map.of("a/b", state("a")), store.getBatch(List.of("a/b")));
        assertEquals(Map.of("a/b", state("a")), store.all());
    }

    @Test
    void anExpiredEntryIsAbsentForEveryRead() throws InterruptedException {
        requires(Capability.EXPIRY);
        store.set("kept", state("kept"));
        store.set("later", state("later"), HOUR);
        Instant expired = shortLived(() -> store.set("gone", state("gone"), SHORT));
        waitUntil(expired);
        assertEquals(Optional.empty(), store.get("gone"));
        assertEquals(Optional.empty(), store.getVersioned("gone"));
        assertEquals(Optional.empty(), store.expiresAt("gone"));
        assertEquals(List.of("kept", "later"), store.list());
        assertEquals(2, store.count());
        assertEquals(Map.of("kept", state("kept")), store.getBatch(List.of("gone", "kept")));
        assertEquals(Map.of("kept", state("kept"), "later", state("later")), store.all());
        assertEquals(Optional.empty(), store.expiresAt("kept"));
    }

    @Test
    void anExpiredEntryIsAbsentForEveryStoreInstanceAndEveryBatch() throws InterruptedException {
        requires(Capability.EXPIRY);
        requires(Capability.SHARED_INSTANCES);
        StateStore other = open(store.scope());
        for (int i = 0; i < 12; i++) {
            store.set("live-" + i, state("live-" + i));
        }
        Instant expired = shortLived(() -> {
            for (int i = 0; i < 12; i++) {
                store.set("gone-" + i, state("gone-" + i), SHORT);
            }
        });
        waitUntil(expired);
        assertEquals(12, other.count());
        assertEquals(12, other.all().size());
        assertTrue(other.list().stream().allMatch(k -> k.startsWith("live-")), other.list().toString());
        assertEquals(Map.of("live-3", state("live-3")), other.getBatch(List.of("gone-3", "live-3", "gone-11")));
    }

    @Test
    void aWriteWithoutATimeToLiveMakesTheEntryPermanentEvenWithTheSameBytes() throws InterruptedException {
        requires(Capability.EXPIRY);
        Instant expired = shortLived(() -> {
            store.set("set", state("set"), SHORT);
            store.set("set", state("set"));
            Version v = store.create("setIf", state("setIf"), SHORT);
            store.setIf("setIf", state("setIf"), v);
        });
        waitUntil(expired);
        assertEquals(Optional.of(state("set")), store.get("set"));
        assertEquals(Optional.of(state("setIf")), store.get("setIf"));
        assertEquals(Optional.empty(), store.expiresAt("set"));
        assertEquals(Optional.empty(), store.expiresAt("setIf"));
        assertEquals(List.of("set", "setIf"), store.list());
    }

    @Test
    void aNewTimeToLiveReplacesTheOldOneEvenWithTheSameBytes() throws InterruptedException {
        requires(Capability.EXPIRY);
        Instant expired = shortLived(() -> {
            store.set("k", state("k"), SHORT);
            store.set("k", state("k"), HOUR);
        });
        waitUntil(expired);
        assertEquals(Optional.of(state("k")), store.get("k"));
        assertTrue(store.expiresAt("k").orElseThrow().isAfter(Instant.now().plus(Duration.ofMinutes(59))));
        assertEquals(0, store.purgeExpired());
        assertEquals(List.of("k"), store.list());
    }

    @Test
    void compareAndSetWritesCarryATimeToLiveAndAnExpiredKeyIsAbsentForCreate() throws InterruptedException {
        requires(Capability.EXPIRY);
        Duration live = Duration.ofSeconds(3);
        store.create("k", state("first"), live);
        Instant expired = Instant.now().plus(live).plusMillis(2);
        assertThrows(ConflictException.class, () -> store.create("k", state("second"), HOUR),
                "live for 3 s, so surely still live: the create conflicts");
        waitUntil(expired);
        Version created = store.create("k", state("second"), HOUR);
        assertEquals(Optional.of(state("second")), store.get("k"));
        Version replaced = store.setIf("k", state("third"), created, HOUR);
        assertEquals(replaced, store.getVersioned("k").orElseThrow().version());
        assertTrue(store.expiresAt("k").isPresent());
        assertThrows(ConflictException.class, () -> store.setIf("k", state("fourth"), created, HOUR));
        assertEquals(Optional.of(state("third")), store.get("k"));
    }

    @Test
    void updateSeesAnExpiredEntryAsAbsentAndWritesAPermanentOne() throws InterruptedException {
        requires(Capability.EXPIRY);
        waitUntil(shortLived(() -> store.set("k", state("old"), SHORT)));
        State written = store.update("k", current -> {
            assertEquals(Optional.empty(), current);
            return state("new");
        });
        assertEquals(state("new"), written);
        assertEquals(Optional.of(state("new")), store.get("k"));
        assertEquals(Optional.empty(), store.expiresAt("k"));
    }

    @Test
    void purgeRemovesEveryExpiredEntryOnceAndKeepsTheRest() throws InterruptedException {
        requires(Capability.EXPIRY);
        store.set("permanent", state("permanent"));
        store.set("later", state("later"), HOUR);
        Instant expired = shortLived(() -> {
            for (String key : List.of("x", "y/z", "w")) {
                store.set(key, state(key), SHORT);
            }
        });
        waitUntil(expired);
        assertEquals(3, store.purgeExpired());
        assertEquals(0, store.purgeExpired());
        assertEquals(List.of("later", "permanent"), store.list());
        store.set("x", state("x again"));
        assertEquals(Optional.of(state("x again")), store.get("x"));
        assertEquals(0, store.purgeExpired());
    }

    @Test
    void aWatchReportsAnExpiredEntryAsDeleted() throws Exception {
        requires(Capability.EXPIRY);
        ChangeLog log = new ChangeLog();
        try (Subscription ignored = store.watch(log, QUICK)) {
            store.set("k", state("k"), SHORT);
            Version version = store.getVersioned("k").map(v -> v.version()).orElse(null);
            log.await("k deleted on expiry", Duration.ofSeconds(30), e -> e.type() == Type.DELETED
                    && e.key().equals("k"));
            if (version != null) {
                assertTrue(log.events().stream().anyMatch(is(Type.DELETED, "k", version)), log.events().toString());
            }
        }
    }

    @Test
    void theExpiryStaysOutOfAlchemysView() throws Exception {
        requires(Capability.EXPIRY);
        Scope scope = store.scope();
        store.set("plain", state("plain"));
        List<String> plain = rawDocumentNames(config(), scope);
        store.set("expiring", state("expiring"), HOUR);
        List<String> both = rawDocumentNames(config(), scope);
        store.set("plain", state("plain"), HOUR);
        if (plain != null) {
            assertEquals(1, plain.size(), plain.toString());
            assertEquals(2, both.size(), "one more document, and nothing else: " + both);
            assertTrue(both.containsAll(plain), both.toString());
            assertEquals(both.stream().sorted().toList(), rawDocumentNames(config(), scope).stream().sorted().toList(),
                    "an expiry added to a document adds no name");
        }
        StateStore nested = open(Scope.of("app", "dev", "nested"));
        assertEquals(List.of(), nested.list());
        assertEquals(List.of("expiring", "plain"), store.list());
    }

    @Test
    void aTimeToLiveOutOfRangeIsRefusedNamingTheKeyAndNothingIsWritten() {
        requires(Capability.EXPIRY);
        for (Duration ttl : new Duration[] {Duration.ZERO, Duration.ofMillis(-1), Duration.ofDays(36_501), null}) {
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                    () -> store.set("bad/key", state("x"), ttl), String.valueOf(ttl));
            assertTrue(e.getMessage().contains("ttl") && e.getMessage().contains("'bad/key'"), e.getMessage());
            assertThrows(InvalidArgumentException.class, () -> store.create("bad/key", state("x"), ttl));
        }
        assertEquals(List.of(), store.list());
    }
}
