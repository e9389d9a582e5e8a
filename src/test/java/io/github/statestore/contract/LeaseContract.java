package io.github.statestore.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.FencedException;
import io.github.statestore.Lease;
import io.github.statestore.LeaseLossListener;
import io.github.statestore.LeaseOwner;
import io.github.statestore.LockHeldException;
import io.github.statestore.LockInfo;
import io.github.statestore.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Leases on every backend: exclusion, waiting, renewal past the ttl, loss on takeover and its listeners,
 * release, fencing, breaking (expiry of a dead holder's lease: LeaseTakeoverIT).
 */
public abstract class LeaseContract extends WatchContract {
    private static final Duration TTL = Duration.ofSeconds(10);
    /** A ttl short enough that a test holds a lease well past it in a few seconds. */
    private static final Duration SHORT_TTL = Duration.ofSeconds(2);
    /** How long a test waits for another thread at most. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void locksListsEveryLockWithItsHolderTokenAndState() {
        assertEquals(List.of(), store.locks());
        Lease released = store.lock("build", TTL);
        released.close();
        try (Lease held = store.lock("deploy/prod", TTL)) {
            store.set("deploy/prod", state("a key of the same name is not a lock"));
            List<LockInfo> locks = store.locks();
            assertEquals(List.of("build", "deploy/prod"), locks.stream().map(LockInfo::name).toList());
            LockInfo deploy = locks.get(1);
            assertEquals(held.owner(), deploy.holder());
            assertEquals(held.fencingToken(), deploy.fencingToken());
            assertEquals(held.expiresAt(), deploy.expiresAt());
            assertTrue(deploy.isHeldAt(Instant.now()));
            assertTrue(locks.get(0).released());
            assertFalse(locks.get(0).isHeldAt(Instant.now()));
        }
    }

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
        CompletableFuture<Thread> waiter = new CompletableFuture<>();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Long> next = pool.submit(() -> {
                waiter.complete(Thread.currentThread());
                try (Lease lease = store.lock("deploy", TTL, PATIENCE)) {
                    return lease.fencingToken();
                }
            });
            Thread contender = waiter.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            Await.until("the contender to wait between its attempts", PATIENCE,
                    () -> contender.getState() == Thread.State.TIMED_WAITING);
            assertFalse(next.isDone(), "the contender took a held lock");
            held.close();
            assertTrue(next.get(PATIENCE.toSeconds(), TimeUnit.SECONDS) > held.fencingToken());
            assertFalse(held.isHeld());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLeaseHeldPastItsTtlIsRenewedAndStillExcludesOthers() throws Exception {
        requires(Capability.SHARED_INSTANCES);
        StateStore other = open(store.scope());
        try (Lease lease = store.lock("deploy", SHORT_TTL)) {
            Instant firstExpiry = lease.expiresAt();
            Await.until("a renewal after the lease's first expiry at " + firstExpiry, SHORT_TTL.multipliedBy(10),
                    () -> lease.expiresAt().isAfter(firstExpiry.plus(SHORT_TTL)));
            assertTrue(Instant.now().isAfter(firstExpiry), "held past its first expiry");
            assertTrue(lease.isHeld());
            LockHeldException e = assertThrows(LockHeldException.class, () -> other.lock("deploy", TTL),
                    "another store took a lease that was renewed past its first expiry");
            assertEquals(lease.owner(), e.getHolder());
            assertTrue(e.getUntil().isAfter(firstExpiry), "the stored expiry moved forward: " + e.getUntil());
            lease.set("k", state("held"));
            assertEquals("held", store.get("k").orElseThrow().id());
        }
    }

    @Test
    void aRenewalThatFindsAnotherHolderLosesTheLeaseAtOnce() throws Exception {
        requires(Capability.SHARED_INSTANCES);
        StateStore other = open(store.scope());
        Lease first = store.lock("deploy", Duration.ofSeconds(2));
        store.forceUnlock("deploy");
        try (Lease second = other.lock("deploy", TTL)) {
            Instant expiry = first.expiresAt();
            Await.until("the first lease to be lost", PATIENCE, () -> !first.isHeld());
            Instant lostAt = Instant.now();
            assertTrue(lostAt.isBefore(expiry), "the lease was lost at " + lostAt + ", only when it expired at "
                    + expiry + ", not at the renewal that found another holder");
            FencedException fenced = assertThrows(FencedException.class, () -> first.set("k", state("stale")));
            assertEquals(first.fencingToken(), fenced.getToken());
            first.close();
            assertTrue(second.isHeld());
            LockHeldException e = assertThrows(LockHeldException.class, () -> store.lock("deploy", TTL),
                    "closing the lost lease released its successor's");
            assertEquals(second.owner(), e.getHolder());
        }
    }

    @Test
    void aLossListenerIsToldOnceWhenAnotherStoreBreaksTheLock() throws Exception {
        requires(Capability.SHARED_INSTANCES);
        StateStore other = open(store.scope());
        List<LeaseLossListener.Cause> causes = new CopyOnWriteArrayList<>();
        CountDownLatch told = new CountDownLatch(1);
        Lease lease = store.lock("deploy", SHORT_TTL);
        lease.onLost((lost, cause) -> {
            causes.add(cause);
            assertFalse(lost.isHeld(), "told of the loss while the lease still says it is held");
            told.countDown();
        });
        other.forceUnlock("deploy");
        assertTrue(told.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS), "the listener was never told");
        CompletableFuture<LeaseLossListener.Cause> late = new CompletableFuture<>();
        lease.onLost((lost, cause) -> late.complete(cause));
        assertEquals(LeaseLossListener.Cause.BROKEN, late.getNow(null),
                "a listener registered after the loss is told at once");
        assertThrows(FencedException.class, () -> lease.set("k", state("stale")));
        lease.close();
        assertEquals(List.of(LeaseLossListener.Cause.BROKEN), causes);
    }

    @Test
    void aReleasedLeaseIsNotLost() {
        List<LeaseLossListener.Cause> causes = new CopyOnWriteArrayList<>();
        try (Lease lease = store.lock("deploy", TTL)) {
            lease.onLost((lost, cause) -> causes.add(cause));
        }
        store.forceUnlock("deploy");
        assertEquals(List.of(), causes);
    }

    @Test
    void aLockWaitThatTimesOutSaysWhoHoldsItAndUntilWhen() {
        requires(Capability.SHARED_INSTANCES);
        StateStore other = open(store.scope());
        try (Lease lease = store.lock("deploy", SHORT_TTL)) {
            Instant firstExpiry = lease.expiresAt();
            Duration maxWait = SHORT_TTL.multipliedBy(2);
            long start = System.nanoTime();
            LockHeldException e = assertThrows(LockHeldException.class, () -> other.lock("deploy", TTL, maxWait),
                    "the waiter took a lease that its holder kept renewing");
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(waited.compareTo(maxWait) >= 0, "gave up after " + waited + ", before " + maxWait);
            assertEquals("deploy", e.getName());
            assertEquals(lease.owner(), e.getHolder());
            assertTrue(e.getUntil().isAfter(firstExpiry), "the holder's renewed expiry, was " + e.getUntil());
            assertFalse(e.getUntil().isAfter(lease.expiresAt()), e.getUntil() + " after " + lease.expiresAt());
            assertTrue(e.getMessage().contains(lease.owner().toString()), e.getMessage());
            assertTrue(e.getMessage().contains("until " + e.getUntil()), e.getMessage());
        }
    }

    @Test
    void closingAStoreReleasesItsLeasesAndFencesTheirHolders() {
        requires(Capability.SHARED_INSTANCES);
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
        requires(Capability.SHARED_INSTANCES);
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
