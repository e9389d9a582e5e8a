package io.github.statestore.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.FencedException;
import io.github.statestore.Lease;
import io.github.statestore.LeaseOwner;
import io.github.statestore.LockHeldException;
import io.github.statestore.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Leases on every backend: exclusion, waiting, release, fencing, breaking (expiry: LeaseTakeoverIT). */
public abstract class LeaseContract extends ContractFixture {
    private static final Duration TTL = Duration.ofSeconds(10);

    @Test
    void aHeldLockRefusesAnotherHolderAndSaysWho() {
        try (Lease lease = store.lock("deploy", TTL)) {
            assertTrue(lease.isHeld());
            assertEquals("deploy", lease.name());
            assertEquals(ProcessHandle.current().pid(), lease.owner().pid());
            assertTrue(lease.expiresAt().isAfter(Instant.now()));
            LockHeldException e = assertThrows(LockHeldException.class, () -> store.lock("deploy", TTL));
            assertEquals("deploy", e.getName());
            assertEquals(lease.owner(), e.getHolder());
            assertTrue(e.getMessage().contains(lease.owner().id()), e.getMessage());
            assertTrue(e.retryable());
        }
    }

    @Test
    void releaseFreesTheLockAndTokensKeepGrowing() {
        long first;
        try (Lease lease = store.lock("deploy", TTL)) {
            first = lease.fencingToken();
        }
        try (Lease next = store.lock("deploy", TTL)) {
            assertTrue(next.fencingToken() > first);
        }
        try (Lease other = store.lock("other", TTL)) {
            assertTrue(other.isHeld());
        }
    }

    @Test
    void lockEntriesAreNeverListedOrRead() {
        store.set("a", state("a"));
        try (Lease lease = store.lock("a", TTL)) {
            assertEquals(List.of("a"), store.list());
            assertEquals(1, store.count());
            assertEquals(Map.of("a", state("a")), store.all());
            store.clear();
            assertEquals(List.of(), store.list());
            assertTrue(lease.isHeld());
        }
    }

    @Test
    void aWaitingContenderGetsTheLockWhenItIsReleased() throws Exception {
        Lease held = store.lock("deploy", TTL);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> release = pool.submit(() -> {
                Thread.sleep(300);
                held.close();
                return null;
            });
            try (Lease next = store.lock("deploy", TTL, Duration.ofSeconds(30))) {
                assertTrue(next.fencingToken() > held.fencingToken());
                assertFalse(held.isHeld());
            }
            release.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closingAStoreReleasesItsLeasesAndFencesTheirHolders() {
        StateStore closing = open(store.scope());
        Lease old = closing.lock("deploy", TTL);
        old.set("k", state("old"));
        closing.close();
        assertFalse(old.isHeld());
        try (Lease next = store.lock("deploy", TTL)) {
            assertTrue(next.fencingToken() > old.fencingToken());
            next.set("k", state("new"));
            FencedException e = assertThrows(FencedException.class, () -> old.set("k", state("stale")));
            assertEquals("k", e.getKey());
            assertEquals(old.fencingToken(), e.getToken());
            assertEquals("new", store.get("k").orElseThrow().id());
        }
    }

    @Test
    void aFencedWriteIsRefusedOnceALaterHolderWroteTheKey() {
        Lease old = store.lock("deploy", TTL);
        store.forceUnlock("deploy");
        try (Lease next = store.lock("deploy", TTL)) {
            next.set("k", state("new"));
            assertThrows(FencedException.class, () -> old.set("k", state("stale")));
            assertFalse(old.isHeld());
            assertEquals("new", store.get("k").orElseThrow().id());
        }
        old.close();
    }

    @Test
    void forceUnlockBreaksAHeldLockAndIsHarmlessOnAFreeOne() {
        store.forceUnlock("never-taken");
        Lease held = store.lock("deploy", TTL);
        store.forceUnlock("deploy");
        try (Lease next = store.lock("deploy", TTL)) {
            assertTrue(next.fencingToken() > held.fencingToken());
        }
        held.close();
    }

    @Test
    void contendersNeverOverlapAndLoseNoUpdate() throws Exception {
        int contenders = 16;
        int rounds = 4;
        List<long[]> intervals = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < contenders; c++) {
                StateStore s = c % 2 == 0 ? store : open(store.scope());
                futures.add(pool.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        try (Lease lease = s.lock("counter", TTL, Duration.ofMinutes(5))) {
                            long start = System.nanoTime();
                            long n = ConditionalWritesContract.count(s.get("counter"));
                            s.set("counter", ConditionalWritesContract.counter(n + 1));
                            intervals.add(new long[] {start, System.nanoTime()});
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(contenders * rounds, ConditionalWritesContract.count(store.get("counter")));
        List<long[]> sorted = new ArrayList<>(intervals);
        sorted.sort((a, b) -> Long.compare(a[0], b[0]));
        for (int i = 1; i < sorted.size(); i++) {
            assertTrue(sorted.get(i)[0] >= sorted.get(i - 1)[1], "two holders overlapped");
        }
    }

    @Test
    void ownersDifferPerAcquisition() {
        LeaseOwner first;
        try (Lease lease = store.lock("deploy", TTL)) {
            first = lease.owner();
        }
        try (Lease lease = store.lock("deploy", TTL)) {
            assertEquals(first.pid(), lease.owner().pid());
            assertFalse(first.equals(lease.owner()));
        }
    }
}
