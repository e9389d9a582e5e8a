package io.github.statestore.concurrency;

import static io.github.statestore.contract.ConditionalWritesContract.count;
import static io.github.statestore.contract.ConditionalWritesContract.counter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.OutcomeUnknownException;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Threads that each call {@link StateStore#update} a number of times to increment one counter, counting the
 * calls that succeeded (with the count each returned) and those of unknown outcome. Any other failure fails
 * the run. Used by the tests of issue 11's rule: a conditional write is applied exactly once and reported
 * so, or not applied, or of unknown outcome.
 */
public final class CounterRun {
    /** The key of the counter. */
    public static final String KEY = "counter";
    private static final int MAX_ATTEMPTS = 10_000;
    private static final long HANG_GUARD_MINUTES = 5;

    private CounterRun() {
    }

    /**
     * What a run saw.
     *
     * @param calls how many {@code update} calls were made
     * @param returned the count each successful call returned
     * @param unknown how many calls threw {@link OutcomeUnknownException}
     */
    public record Result(int calls, List<Long> returned, int unknown) {
        /** @return how many calls succeeded */
        public int successes() {
            return returned.size();
        }

        /**
         * Asserts the rule on the counter's final value: every success applied once, every unknown call once
         * or not at all, and no count returned by two successful calls.
         *
         * @param finalCount the counter's value after the run
         */
        public void assertExact(long finalCount) {
            assertEquals(calls, successes() + unknown, "every call either succeeded or was of unknown outcome");
            assertTrue(finalCount >= successes() && finalCount <= successes() + unknown, "the counter is "
                    + finalCount + " after " + successes() + " successes and " + unknown + " unknown outcomes");
            Set<Long> distinct = new HashSet<>(returned);
            assertEquals(returned.size(), distinct.size(), "a count was returned by two successful calls");
            assertTrue(returned.stream().allMatch(n -> n >= 1 && n <= finalCount), "a returned count is past "
                    + finalCount);
        }

        @Override
        public String toString() {
            return calls + " calls, " + successes() + " successes, " + unknown + " of unknown outcome";
        }
    }

    /**
     * Runs the threads to the end.
     *
     * @param store the store they share
     * @param threads how many threads
     * @param increments how many {@code update} calls each thread makes
     * @return what they saw
     */
    public static Result run(StateStore store, int threads, int increments) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Result>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> increment(store, increments)));
            }
            List<Long> returned = new ArrayList<>();
            int unknown = 0;
            for (Future<Result> worker : workers) {
                Result one = worker.get(HANG_GUARD_MINUTES, TimeUnit.MINUTES);
                returned.addAll(one.returned());
                unknown += one.unknown();
            }
            return new Result(threads * increments, returned, unknown);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Result increment(StateStore store, int increments) {
        List<Long> returned = new ArrayList<>();
        int unknown = 0;
        for (int i = 0; i < increments; i++) {
            try {
                State next = store.update(KEY, MAX_ATTEMPTS, current -> counter(count(current) + 1));
                returned.add(count(Optional.of(next)));
            } catch (OutcomeUnknownException e) {
                unknown++;
            }
        }
        return new Result(increments, returned, unknown);
    }
}
