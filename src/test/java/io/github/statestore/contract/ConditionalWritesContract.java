package io.github.statestore.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.ConflictException;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.Version;
import io.github.statestore.VersionedState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Versions, compare-and-set, create-if-absent, delete-if-unchanged and update, on every backend. */
public abstract class ConditionalWritesContract extends LeaseContract {
    /** How many stores race each conditional write. */
    private static final int RACERS = 4;
    /** How many rounds of create, setIf and deleteIf they race. */
    private static final int ROUNDS = 20;

    /**
     * A counter state whose output holds {@code n}.
     *
     * @param n the count
     * @return the state
     */
    public static State counter(long n) {
        return state("counter").toBuilder().output(Map.of("n", n)).build();
    }

    /**
     * The count a counter state holds.
     *
     * @param state a counter state, or empty for zero
     * @return the count
     */
    public static long count(Optional<State> state) {
        return state.map(s -> ((Number) s.output().get("n")).longValue()).orElse(0L);
    }

    @Test
    void versionsFollowTheContent() {
        assertEquals(Optional.empty(), store.getVersioned("a"));
        store.set("a", state("a"));
        VersionedState first = store.getVersioned("a").orElseThrow();
        assertEquals(state("a"), first.state());
        assertEquals(first.version(), store.getVersioned("a").orElseThrow().version());
        store.set("a", counter(1));
        assertNotEquals(first.version(), store.getVersioned("a").orElseThrow().version());
    }

    @Test
    void setIfWritesOnlyOverTheVersionRead() {
        store.set("a", counter(1));
        Version v1 = store.getVersioned("a").orElseThrow().version();
        Version v2 = store.setIf("a", counter(2), v1);
        assertEquals(new VersionedState(counter(2), v2), store.getVersioned("a").orElseThrow());
        ConflictException e = assertThrows(ConflictException.class, () -> store.setIf("a", counter(3), v1));
        assertEquals("a", e.getKey());
        assertTrue(e.getMessage().startsWith("setIf of key"), e.getMessage());
        assertEquals(counter(2), store.get("a").orElseThrow());
        store.delete("a");
        assertThrows(ConflictException.class, () -> store.setIf("a", counter(4), v2));
        assertEquals(Optional.empty(), store.get("a"));
    }

    @Test
    void createWritesOnlyAnAbsentKey() {
        Version v = store.create("a", counter(1));
        assertEquals(v, store.getVersioned("a").orElseThrow().version());
        ConflictException e = assertThrows(ConflictException.class, () -> store.create("a", counter(2)));
        assertEquals("a", e.getKey());
        assertTrue(e.getMessage().startsWith("create of key"), e.getMessage());
        assertEquals(counter(1), store.get("a").orElseThrow());
    }

    @Test
    void deleteIfDeletesOnlyTheVersionRead() {
        store.set("a", counter(1));
        Version v1 = store.getVersioned("a").orElseThrow().version();
        store.set("a", counter(2));
        assertThrows(ConflictException.class, () -> store.deleteIf("a", v1));
        assertEquals(counter(2), store.get("a").orElseThrow());
        store.deleteIf("a", store.getVersioned("a").orElseThrow().version());
        assertEquals(Optional.empty(), store.get("a"));
        assertThrows(ConflictException.class, () -> store.deleteIf("a", v1));
    }

    @Test
    void ofRacingCompareAndSetsExactlyOneWins() throws Exception {
        store.set("a", counter(0));
        Version start = store.getVersioned("a").orElseThrow().version();
        int racers = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 1; i <= racers; i++) {
                long n = i;
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        store.setIf("a", counter(n), start);
                        return true;
                    } catch (ConflictException lost) {
                        return false;
                    }
                }));
            }
            go.countDown();
            int winners = 0;
            for (Future<Boolean> r : results) {
                winners += r.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void roundsOfCreateSetIfAndDeleteIfRacedBySeparateStoresHaveOneWinnerEach() throws Exception {
        requires(Capability.SHARED_INSTANCES);
        List<StateStore> racers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            racers.add(open(store.scope()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                long base = round * 100L;
                Outcome created = race(pool, racers, "create", round, (s, i) -> s.create("k", counter(base + i)));
                assertEquals(new VersionedState(counter(base + created.racer()), created.version()),
                        store.getVersioned("k").orElseThrow(), "round " + round + " after create");

                Outcome set = race(pool, racers, "setIf", round,
                        (s, i) -> s.setIf("k", counter(base + 10 + i), created.version()));
                assertEquals(new VersionedState(counter(base + 10 + set.racer()), set.version()),
                        store.getVersioned("k").orElseThrow(), "round " + round + " after setIf");

                race(pool, racers, "deleteIf", round, (s, i) -> {
                    s.deleteIf("k", set.version());
                    return null;
                });
                assertEquals(Optional.empty(), store.getVersioned("k"), "round " + round + " after deleteIf");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One racer's conditional write, given its store and its number. */
    @FunctionalInterface
    private interface Attempt {
        Version apply(StateStore store, int racer);
    }

    /** The winner of a race: its number and the version it wrote ({@code null} for a delete). */
    private record Outcome(int racer, Version version) {
    }

    /**
     * Runs one attempt on each store at once, each racer on a thread of its own, released together.
     *
     * @return the one winner
     * @throws AssertionError unless exactly one racer won and every other lost with a conflict on the key
     */
    private static Outcome race(ExecutorService pool, List<StateStore> racers, String operation, int round,
            Attempt attempt) throws Exception {
        CyclicBarrier start = new CyclicBarrier(racers.size());
        List<Future<Optional<Outcome>>> results = new ArrayList<>();
        for (int i = 0; i < racers.size(); i++) {
            int racer = i;
            StateStore s = racers.get(i);
            results.add(pool.submit(() -> {
                start.await();
                try {
                    return Optional.of(new Outcome(racer, attempt.apply(s, racer)));
                } catch (ConflictException lost) {
                    assertEquals("k", lost.getKey(), lost.getMessage());
                    return Optional.empty();
                }
            }));
        }
        List<Outcome> winners = new ArrayList<>();
        for (Future<Optional<Outcome>> r : results) {
            r.get(60, TimeUnit.SECONDS).ifPresent(winners::add);
        }
        assertEquals(1, winners.size(), "round " + round + " of " + operation + ": winners " + winners);
        return winners.get(0);
    }

    @Test
    void updateLosesNoIncrementUnderContention() throws Exception {
        requires(Capability.SHARED_INSTANCES);
        int threads = 8;
        int perThread = 25;
        StateStore other = open(store.scope());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                StateStore s = t % 2 == 0 ? store : other;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        s.update("counter", 1000, current -> counter(count(current) + 1));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(300, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * perThread, count(store.get("counter")));
    }

    @Test
    void updateGivesUpAfterItsAttempts() {
        store.set("a", counter(1));
        int[] calls = {0};
        ConflictException e = assertThrows(ConflictException.class, () -> store.update("a", 3, current -> {
            calls[0]++;
            store.set("a", counter(100 + calls[0]));
            return counter(count(current) + 1);
        }));
        assertEquals(3, calls[0]);
        assertEquals("a", e.getKey());
        assertEquals(counter(103), store.get("a").orElseThrow());
    }
}
