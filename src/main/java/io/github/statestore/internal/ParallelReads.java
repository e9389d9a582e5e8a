package io.github.statestore.internal;

import io.github.statestore.StateStoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a store's reads at most {@code concurrency} at a time on daemon threads it starts as reads need them;
 * a thread idle for {@value #IDLE_SECONDS} s ends, and {@link #close()} ends them all, so an idle store holds
 * no thread. With a concurrency of 1 it reads on the caller's thread. Thread-safe.
 */
final class ParallelReads implements AutoCloseable {
    /** How long a read thread waits for work before it ends, in seconds. */
    static final int IDLE_SECONDS = 60;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int concurrency;
    private final Duration idle;
    private ThreadPoolExecutor pool;

    ParallelReads(int concurrency) {
        this(concurrency, Duration.ofSeconds(IDLE_SECONDS));
    }

    /** @param idle how long a read thread waits for work before it ends */
    ParallelReads(int concurrency, Duration idle) {
        this.concurrency = concurrency;
        this.idle = idle;
    }

    /** Applies {@code read} to every item (a key, a batch of keys), returning the results in the items' order. */
    <K, T> List<T> map(Collection<K> items, Function<K, T> read) {
        List<T> results = new ArrayList<>(items.size());
        if (concurrency <= 1 || items.size() <= 1) {
            items.forEach(k -> results.add(read.apply(k)));
            return results;
        }
        ExecutorService executor = pool();
        List<Future<T>> futures = new ArrayList<>(items.size());
        items.forEach(k -> futures.add(executor.submit(() -> read.apply(k))));
        try {
            for (Future<T> f : futures) {
                results.add(result(f));
            }
            return results;
        } finally {
            futures.forEach(f -> f.cancel(true));
        }
    }

    /**
     * Runs two reads at once (two listings), the second on a read thread of the current operation
     * ({@link Operation#carried}) when the concurrency allows, else one after the other on the caller's thread.
     *
     * @param first the read run on the caller's thread
     * @param second the read run beside it
     * @param <A> the first's result
     * @param <B> the second's result
     * @return both results
     */
    <A, B> Both<A, B> both(Supplier<A> first, Supplier<B> second) {
        if (concurrency <= 1) {
            return new Both<>(first.get(), second.get());
        }
        Function<Supplier<B>, B> carried = Operation.carried(Supplier::get);
        Future<B> beside = pool().submit(() -> carried.apply(second));
        try {
            A a = first.get();
            return new Both<>(a, result(beside));
        } finally {
            beside.cancel(true);
        }
    }

    /**
     * The results of {@link #both}.
     *
     * @param first the first read's
     * @param second the second read's
     * @param <A> the first's type
     * @param <B> the second's type
     */
    record Both<A, B>(A first, B second) {
    }

    private static <T> T result(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateStoreException("Interrupted while reading", e, true);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new StateStoreException("Read failed: " + e.getCause(), e.getCause(), false);
        }
    }

    private synchronized ExecutorService pool() {
        if (pool == null) {
            int id = POOLS.incrementAndGet();
            AtomicInteger threads = new AtomicInteger();
            ThreadFactory factory = r -> {
                Thread t = new Thread(r, "statestore-read-" + id + "-" + threads.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            pool = new ThreadPoolExecutor(concurrency, concurrency, idle.toNanos(), TimeUnit.NANOSECONDS,
                    new LinkedBlockingQueue<>(), factory);
            pool.allowCoreThreadTimeOut(true);
        }
        return pool;
    }

    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
