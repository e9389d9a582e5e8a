package io.github.statestore.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.Lease;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Leases on S3 through the fault-injecting proxy: 4 stores take turns on one lock while a fifth of all
 * requests fail, answers lost included. Every {@code lock} call returns a lease (an acquisition of unknown
 * outcome is settled by reading the lock entry back), and no two leases are ever held at once.
 */
class LeasesUnderFaultsIT {
    private static final Scope SCOPE = Scope.of("leases", "faults");
    private static final int HOLDERS = 4;
    private static final int TURNS = 15;

    @Test
    void leasesStayExclusiveAndEveryLockCallSettles() throws Exception {
        String bucket = S3Server.newBucket();
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger turns = new AtomicInteger();
        try (FaultProxy proxy = FaultProxy.toS3Server()) {
            proxy.delay(Duration.ofMillis(700));
            proxy.plan(FaultPlan.random(0.2, 11L, Fault.TRANSIENT));
            ExecutorService threads = Executors.newFixedThreadPool(HOLDERS);
            List<StateStore> stores = new ArrayList<>();
            try {
                List<Future<?>> holders = new ArrayList<>();
                for (int h = 0; h < HOLDERS; h++) {
                    StateStore store = proxy.config(bucket).retryPolicy(RetryPolicy.builder().maxAttempts(12)
                            .baseDelay(Duration.ofMillis(5)).maxDelay(Duration.ofMillis(100)).build())
                            .attemptTimeout(Duration.ofMillis(500)).build().open(SCOPE);
                    stores.add(store);
                    holders.add(threads.submit(() -> {
                        for (int t = 0; t < TURNS; t++) {
                            try (Lease lease = store.lock("mutex", Duration.ofSeconds(3), Duration.ofMinutes(2))) {
                                mostAtOnce.accumulateAndGet(holding.incrementAndGet(), Math::max);
                                turns.incrementAndGet();
                                holding.decrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> holder : holders) {
                    holder.get(5, TimeUnit.MINUTES);
                }
            } finally {
                threads.shutdownNow();
                for (StateStore store : stores) {
                    store.close();
                }
            }
            for (Fault fault : Fault.TRANSIENT) {
                assertTrue(proxy.injected(fault) > 0, "no " + fault + " was injected");
            }
        }
        assertEquals(HOLDERS * TURNS, turns.get());
        assertEquals(1, mostAtOnce.get(), "two leases were held at once");
    }
}
