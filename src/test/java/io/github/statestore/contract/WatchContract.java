package io.github.statestore.contract;

import static io.github.statestore.contract.ChangeLog.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.ChangeEvent;
import io.github.statestore.ChangeEvent.Type;
import io.github.statestore.ConflictException;
import io.github.statestore.Lease;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StoreClosedException;
import io.github.statestore.Subscription;
import io.github.statestore.Version;
import io.github.statestore.WatchOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Change subscriptions on every backend: created, updated and deleted events with their versions, for writes
 * of another store instance; coalescing that keeps each key's order and ends at its last state; no event for a
 * write that did not happen, nor for nested scopes or lock entries; a throwing listener that stops nothing; no
 * event after {@code close()}. Nothing here times anything: each test waits for the events it expects, and
 * proves an event did not come by waiting for a later one.
 */
public abstract class WatchContract extends HistoryContract {
    /** How often the tests' subscriptions look: small, so that the tests are quick on every backend. */
    protected static final WatchOptions QUICK = WatchOptions.builder().pollInterval(Duration.ofMillis(50)).build();
    /** How long a test waits for an event at most. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void changesByAnotherStoreAreSeenWithTheirVersions() throws Exception {
        requires(Capability.SHARED_INSTANCES);
        StateStore writer = open(store.scope());
        ChangeLog log = new ChangeLog();
        try (Subscription ignored = store.watch(log, QUICK)) {
            Version created = writer.create("a/b", state("a"));
            log.await("a/b created", PATIENCE, is(Type.CREATED, "a/b", created));
            assertEquals(created, store.getVersioned("a/b").orElseThrow().version());
            Version updated = writer.setIf("a/b", state("a2"), created);
            log.await("a/b updated", PATIENCE, is(Type.UPDATED, "a/b", updated));
            writer.deleteIf("a/b", updated);
            log.await("a/b deleted", PATIENCE, is(Type.DELETED, "a/b", updated));
            assertEquals(List.of(new ChangeEvent(Type.CREATED, "a/b", created),
                    new ChangeEvent(Type.UPDATED, "a/b", updated), new ChangeEvent(Type.DELETED, "a/b", updated)),
                    log.events());
        }
    }

    @Test
    void plainWritesAndDeletesAreSeenToo() throws Exception {
        ChangeLog log = new ChangeLog();
        try (Subscription ignored = store.watch(log, QUICK)) {
            store.set("k", state("k"));
            Version first = store.getVersioned("k").orElseThrow().version();
            log.await("k created", PATIENCE, is(Type.CREATED, "k", first));
            store.delete("k");
            log.await("k deleted", PATIENCE, is(Type.DELETED, "k", first));
            assertEquals(2, log.events().size(), log.events().toString());
        }
    }

    @Test
    void rapidChangesMayCoalesceButKeepEachKeysOrderAndEndAtItsLastState() throws Exception {
        requires(Capability.SHARED_INSTANCES);
        StateStore writer = open(store.scope());
        Version kept = writer.create("kept", state("kept"));
        ChangeLog log = new ChangeLog();
        List<String> keys = List.of("kept", "x", "y");
        List<List<Version>> states = new ArrayList<>();
        try (Subscription ignored = store.watch(log, QUICK)) {
            states.add(new ArrayList<>(Arrays.asList(kept, null, null)));
            Version[] current = {kept, null, null};
            for (int round = 0; round < 12; round++) {
                for (int k = 0; k < keys.size(); k++) {
                    String key = keys.get(k);
                    if (round % 4 == 3) {
                        writer.deleteIf(key, current[k]);
                        current[k] = null;
                    } else if (current[k] == null) {
                        current[k] = writer.create(key, state(key + round));
                    } else {
                        current[k] = writer.setIf(key, state(key + round), current[k]);
                    }
                }
                states.add(Arrays.asList(current.clone()));
            }
            Version last = writer.create("last", state("last"));
            log.await("the last write", PATIENCE, is(Type.CREATED, "last", last));
            for (int k = 0; k < keys.size(); k++) {
                int column = k;
                log.assertCoalesced(keys.get(k), states.stream().map(row -> row.get(column)).toList());
            }
        }
    }

    @Test
    void writesThatDidNotHappenNestedScopesAndLocksGiveNoEvent() throws Exception {
        requires(Capability.SHARED_INSTANCES);
        StateStore writer = open(store.scope());
        Version existing = writer.create("existing", state("existing"));
        ChangeLog log = new ChangeLog();
        try (Subscription ignored = store.watch(log, QUICK)) {
            Version stale = Version.of(existing.token() + "-stale");
            assertThrows(ConflictException.class, () -> writer.setIf("existing", state("lost"), stale));
            assertThrows(ConflictException.class, () -> writer.create("existing", state("lost")));
            assertThrows(ConflictException.class, () -> writer.deleteIf("existing", stale));
            assertThrows(ConflictException.class, () -> writer.setIf("absent", state("lost"), existing));
            writer.delete("never-there");
            open(Scope.of("app", "dev", "nested")).set("n", state("nested"));
            open(Scope.of("app", "prod")).set("s", state("sibling"));
            try (Lease lease = writer.lock("existing", Duration.ofSeconds(10))) {
                assertTrue(lease.isHeld());
            }
            Version sentinel = writer.create("sentinel", state("sentinel"));
            log.await("the sentinel", PATIENCE, is(Type.CREATED, "sentinel", sentinel));
            assertEquals(List.of(new ChangeEvent(Type.CREATED, "sentinel", sentinel)), log.events());
        }
    }

    @Test
    void aListenerThatThrowsStopsNeitherItsSubscriptionNorOthers() throws Exception {
        AtomicInteger thrown = new AtomicInteger();
        ChangeLog log = new ChangeLog();
        try (Subscription throwing = store.watch(e -> {
                    thrown.incrementAndGet();
                    throw new IllegalStateException("a listener that throws on " + e);
                }, QUICK);
                Subscription recording = store.watch(log, QUICK)) {
            Version a = store.create("a", state("a"));
            log.await("a created", PATIENCE, is(Type.CREATED, "a", a));
            Await.until("the throwing listener called for a", PATIENCE, () -> thrown.get() >= 1);
            Version b = store.create("b", state("b"));
            log.await("b created", PATIENCE, is(Type.CREATED, "b", b));
            Await.until("the throwing listener called again, for b", PATIENCE, () -> thrown.get() >= 2);
            assertEquals(2, thrown.get());
        }
    }

    @Test
    void closeStopsDelivery() throws Exception {
        ChangeLog closed = new ChangeLog();
        ChangeLog open = new ChangeLog();
        try (Subscription barrier = store.watch(open, QUICK)) {
            Subscription subscription = store.watch(closed, QUICK);
            Version before = store.create("before", state("before"));
            closed.await("an event before close", PATIENCE, is(Type.CREATED, "before", before));
            subscription.close();
            subscription.close();
            List<ChangeEvent> atClose = closed.events();
            Version after = store.create("after", state("after"));
            store.setIf("before", state("before2"), before);
            open.await("the write after close, to the other subscription", PATIENCE,
                    is(Type.CREATED, "after", after));
            assertEquals(atClose, closed.events(), "delivered after close returned");
        }
    }

    @Test
    void aListenerMayCloseItsOwnSubscription() throws Exception {
        ChangeLog barrier = new ChangeLog();
        AtomicReference<Subscription> self = new AtomicReference<>();
        AtomicInteger calls = new AtomicInteger();
        try (Subscription others = store.watch(barrier, QUICK)) {
            self.set(store.watch(e -> {
                calls.incrementAndGet();
                self.get().close();
            }, QUICK));
            Version first = store.create("first", state("first"));
            Await.until("the first event", PATIENCE, () -> calls.get() >= 1);
            Version second = store.create("second", state("second"));
            barrier.await("the second write", PATIENCE, is(Type.CREATED, "second", second));
            barrier.await("the first write", PATIENCE, is(Type.CREATED, "first", first));
            assertEquals(1, calls.get());
        }
    }

    @Test
    void closingTheStoreClosesItsSubscriptions() throws Exception {
        requires(Capability.SHARED_INSTANCES);
        StateStore watched = open(store.scope());
        ChangeLog closed = new ChangeLog();
        ChangeLog open = new ChangeLog();
        try (Subscription barrier = store.watch(open, QUICK)) {
            watched.watch(closed, QUICK);
            watched.close();
            assertThrows(StoreClosedException.class, () -> watched.watch(closed, QUICK));
            Version written = store.create("k", state("k"));
            open.await("the write, to the open store's subscription", PATIENCE, is(Type.CREATED, "k", written));
            assertEquals(List.of(), closed.events());
        }
    }
}
