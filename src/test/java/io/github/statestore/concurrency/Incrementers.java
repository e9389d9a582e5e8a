package io.github.statestore.concurrency;

import static io.github.statestore.contract.ConditionalWritesContract.count;
import static io.github.statestore.contract.ConditionalWritesContract.counter;

import io.github.statestore.OutcomeUnknownException;
import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads that each increment one counter a number of times with {@link StateStore#update}, recording the
 * count each of their successful increments wrote and counting those of unknown outcome. Any other failure
 * fails the run. Used in the test JVM and in {@link CounterChild}. Not shared: one per run.
 */
public final class Incrementers {
    /** The scope of the counter. */
    public static final Scope SCOPE = Scope.of("counter", "processes");
    /** The key of the counter. */
    public static final String KEY = "counter";
    /** So many that contention never exhausts an update: a failed update fails the run. */
    static final int MAX_ATTEMPTS = 10_000;
    private static final long HANG_GUARD_MINUTES = 5;

    private final ExecutorService pool;
    private final List<Future<List<Long>>> workers = new ArrayList<>();
    private final CountDownLatch firstWrite = new CountDownLatch(1);
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger unknown = new AtomicInteger();

    private Incrementers(StateStore store, int threads, int increments) {
        pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> increment(store, increments)));
        }
    }

    /**
     * Starts the threads.
     *
     * @param store the store they share
     * @param threads how many threads
     * @param increments how many increments each thread makes
     * @return the running threads
     */
    static Incrementers start(StateStore store, int threads, int increments) {
        return new Incrementers(store, threads, increments);
    }

    private List<Long> increment(StateStore store, int increments) {
        List<Long> written = new ArrayList<>(increments);
        for (int i = 0; i < increments; i++) {
            try {
                State next = store.update(KEY, MAX_ATTEMPTS, current -> {
                    attempts.incrementAndGet();
                    return counter(count(current) + 1);
                });
                written.add(count(Optional.of(next)));
            } catch (OutcomeUnknownException e) {
                unknown.incrementAndGet();
            }
            firstWrite.countDown();
        }
        return written;
    }

    /** Blocks until one of the threads has written. */
    void awaitFirstWrite() throws InterruptedException, TimeoutException {
        if (!firstWrite.await(HANG_GUARD_MINUTES, TimeUnit.MINUTES)) {
            throw new TimeoutException("no increment landed");
        }
    }

    /**
     * Waits for every thread to finish.
     *
     * @return the counts the successful increments wrote, each thread's in its order
     * @throws ExecutionException if a thread failed
     */
    List<Long> join() throws InterruptedException, ExecutionException, TimeoutException {
        try {
            List<Long> written = new ArrayList<>();
            for (Future<List<Long>> worker : workers) {
                written.addAll(worker.get(HANG_GUARD_MINUTES, TimeUnit.MINUTES));
            }
            return written;
        } finally {
            pool.shutdownNow();
        }
    }

    /** @return how many times the threads called the change function: one per update attempt */
    int attempts() {
        return attempts.get();
    }

    /** @return how many increments threw {@link OutcomeUnknownException}: applied once or not at all */
    int unknown() {
        return unknown.get();
    }
}
