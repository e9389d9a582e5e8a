package io.github.statestore.internal;

import io.github.statestore.StateStoreException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs a store's reads at most {@code concurrency} at a time on daemon threads it starts on first use and
 * stops on {@link #close()}. With a concurrency of 1 it reads on the caller's thread. Thread-safe.
 */
final class ParallelReads implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int concurrency;
    private ExecutorService pool;

    ParallelReads(int concurrency) {
        this.concurrency = concurrency;
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
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateStoreException("Interrupted while reading", e, true);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new StateStoreException("Read failed: " + e.getCause(), e.getCause(), false);
        } finally {
            futures.forEach(f -> f.cancel(true));
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
            pool = Executors.newFixedThreadPool(concurrency, factory);
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
