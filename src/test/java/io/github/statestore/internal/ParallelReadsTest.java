package io.github.statestore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.StorageException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelReadsTest {

    @Test
    void readsAtMostConcurrencyAtOnceAndAnswersInTheKeysOrder() {
        List<String> keys = IntStream.range(0, 20).mapToObj(i -> "k" + i).toList();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch three = new CountDownLatch(3);
        try (ParallelReads reads = new ParallelReads(3)) {
            List<String> results = reads.map(keys, k -> {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                three.countDown();
                await(three);
                inFlight.decrementAndGet();
                return k.toUpperCase();
            });

            assertEquals(keys.stream().map(String::toUpperCase).toList(), results);
            assertEquals(3, most.get());
        }
    }

    @Test
    void bothRunsTheTwoReadsAtOnceOnlyWhenTheConcurrencyAllows() {
        CountDownLatch two = new CountDownLatch(2);
        try (ParallelReads reads = new ParallelReads(2)) {
            ParallelReads.Both<String, Long> both = reads.both(() -> {
                two.countDown();
                await(two);
                return Thread.currentThread().getName();
            }, () -> {
                two.countDown();
                await(two);
                return Thread.currentThread().getId();
            });
            assertEquals(Thread.currentThread().getName(), both.first(), "the first on the caller's thread");
            assertFalse(both.second() == Thread.currentThread().getId(), "the second beside it, at the same time");
        }
        try (ParallelReads reads = new ParallelReads(1)) {
            ParallelReads.Both<Long, Long> both = reads.both(() -> Thread.currentThread().getId(),
                    () -> Thread.currentThread().getId());
            assertEquals(both.first(), both.second(), "one after the other on the caller's thread");
        }
    }

    @Test
    void bothThrowsWhatTheReadBesideThrew() {
        try (ParallelReads reads = new ParallelReads(2)) {
            StorageException thrown = new StorageException("list", null, "there", new java.io.IOException("x"), true);
            assertSame(thrown, assertThrows(StorageException.class, () -> reads.both(() -> "fine", () -> {
                throw thrown;
            })));
        }
    }

    @Test
    void endsThreadsThatWaitedLongerThanTheIdleTime() throws InterruptedException {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        try (ParallelReads reads = new ParallelReads(2, Duration.ofMillis(50))) {
            reads.map(List.of("a", "b", "c", "d"), k -> threads.add(Thread.currentThread()));

            assertFalse(threads.isEmpty());
            for (Thread t : threads) {
                assertTrue(t.getName().startsWith("statestore-read-"), t.getName());
                t.join(TimeUnit.SECONDS.toMillis(30));
                assertFalse(t.isAlive(), t.getName() + " still runs after its idle time");
            }
            assertEquals(List.of(true, true), reads.map(List.of("e", "f"), k -> threads.add(Thread.currentThread())));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS), "fewer reads than the concurrency ran at once");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
