package io.github.statestore.bench;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Measures the heap a call holds while it runs against the heap its result holds once it returns. A thread
 * forces full collections during the call ({@code System.gc()}, which G1 runs as a stop-the-world full
 * collection), each after a pause as long as the one before took, so that the call keeps at least half of
 * the time, and reads the live heap each one leaves (the pools' usage after that collection); the peak of
 * those, less the live heap before the call, is what the call held at most. The live heap after the call,
 * with the result still referenced, less the same baseline, is what the result holds. A call too short for
 * any collection to fall within it has no peak ({@link Measurement#collections()} is 0). Needs the G1
 * collector (the JVM's default on these machines). Not thread-safe: one call at a time.
 */
final class HeapHeld {
    private static final String G1_FULL = "G1 Old Generation";
    private static final long MIN_PAUSE_MS = 20;
    private static final long SETTLED = 1_000_000;
    private static final int MAX_SETTLING = 5;

    /**
     * One measurement, in bytes.
     *
     * @param result what the result holds
     * @param peak the most the call held at one of the collections during it
     * @param collections how many full collections sampled the call
     */
    record Measurement(long result, long peak, int collections) {
        /** @return the peak over what the result holds, or {@code null} if no collection sampled the call */
        Double heldOverResult() {
            return collections == 0 ? null : (double) peak / result;
        }
    }

    private HeapHeld() {
    }

    /** Measures one call of {@code call}. */
    static Measurement measure(Supplier<?> call) throws InterruptedException {
        GarbageCollectorMXBean full = fullCollector();
        Set<String> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        long before = settledLive(full, heap);
        AtomicLong peak = new AtomicLong();
        AtomicInteger collections = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            try {
                while (running.get()) {
                    peak.accumulateAndGet(liveAfterFullGc(full, heap), Math::max);
                    collections.incrementAndGet();
                    Thread.sleep(Math.max(MIN_PAUSE_MS, full.getLastGcInfo().getDuration()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "heap-held-sampler");
        sampler.setDaemon(true);
        sampler.start();
        Object result;
        try {
            result = call.get();
        } finally {
            running.set(false);
            sampler.join();
        }
        long after = settledLive(full, heap);
        Reference.reachabilityFence(result);
        return new Measurement(after - before, peak.get() - before, collections.get());
    }

    private static GarbageCollectorMXBean fullCollector() {
        return ManagementFactory.getPlatformMXBeans(GarbageCollectorMXBean.class).stream()
                .filter(gc -> G1_FULL.equals(gc.getName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("HeapHeld needs the G1 collector (no '" + G1_FULL
                        + "' collector in this JVM); start it with -XX:+UseG1GC"));
    }

    /**
     * Runs full collections until two in a row leave the same live heap, within {@link #SETTLED} (objects
     * that only a finalizer or a cleaner still reached go in a later collection than the first), at most
     * {@link #MAX_SETTLING} of them.
     */
    private static long settledLive(GarbageCollectorMXBean full, Set<String> heap) {
        long live = liveAfterFullGc(full, heap);
        for (int i = 1; i < MAX_SETTLING; i++) {
            long next = liveAfterFullGc(full, heap);
            if (Math.abs(next - live) < SETTLED) {
                return next;
            }
            live = next;
        }
        return live;
    }

    /** Runs a full collection and returns the heap (the pools named {@code heap}) it left in use. */
    private static long liveAfterFullGc(GarbageCollectorMXBean full, Set<String> heap) {
        System.gc();
        GcInfo info = full.getLastGcInfo();
        return info.getMemoryUsageAfterGc().entrySet().stream().filter(e -> heap.contains(e.getKey()))
                .mapToLong(e -> e.getValue().getUsed()).sum();
    }
}
