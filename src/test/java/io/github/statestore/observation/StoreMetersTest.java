package io.github.statestore.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.Lease;
import io.github.statestore.LeaseLossListener;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.contract.Await;
import io.github.statestore.contract.ContractFixture;
import io.github.statestore.fs.FileSystemConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The meters that Micrometer's default handler makes of a store's observations, by the names and tags
 * {@code docs/observability.md} lists: the operation timer, and the lease's acquisitions, renewals and losses.
 */
class StoreMetersTest {
    private static final Scope SCOPE = Scope.of("app", "dev");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final ObservationRegistry registry = ObservationRegistry.create();

    @TempDir
    Path dir;

    StoreMetersTest() {
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    }

    @Test
    void operationsAreTimedByBackendScopeOperationAndOutcome() {
        StoreConfig config = StoreObservation.observe(FileSystemConfig.builder().root(dir).build(), registry);
        try (StateStore store = config.open(SCOPE)) {
            store.set("api", ContractFixture.state("api"));
            store.get("api");
            store.get("api");
        }
        assertEquals(2, find("statestore.operation").tags("backend", "filesystem", "scope", "app/dev",
                "operation", "get", "outcome", "success", "error", "none").timer().count());
        assertEquals(1, find("statestore.operation").tags("operation", "set").timer().count());
        assertEquals(0, find("statestore.operation.active").tags("operation", "get").longTaskTimer().activeTasks());
    }

    @Test
    void leasesCountAcquisitionsRenewalsAndLosses() throws Exception {
        StoreConfig config = StoreObservation.observe(StoreConfig.memory(), registry);
        try (StateStore store = config.open(SCOPE); StateStore other = config.open(SCOPE)) {
            Lease lease = store.lock("deploy", Duration.ofMillis(300));
            assertEquals(1, find("statestore.lease.active").longTaskTimer().activeTasks());
            Await.until("a renewal", PATIENCE, () -> find("statestore.lease.renewed").counters().stream()
                    .mapToDouble(c -> c.count()).sum() >= 1);
            CountDownLatch lost = new CountDownLatch(1);
            lease.onLost((l, cause) -> lost.countDown());
            other.forceUnlock("deploy");
            assertTrue(lost.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS), "the lease was never lost");
            lease.close();
            other.lock("deploy", Duration.ofSeconds(10)).close();
        }
        assertEquals(2, find("statestore.lease.acquired").tags("backend", "memory", "scope", "app/dev").counter()
                .count());
        assertEquals(1, find("statestore.lease.lost").counter().count());
        assertEquals(1, find("statestore.lease").tags("outcome", LeaseLossListener.Cause.BROKEN.name()
                .toLowerCase(Locale.ROOT)).timer().count());
        assertEquals(1, find("statestore.lease").tags("outcome", "released").timer().count());
        assertEquals(0, find("statestore.lease.active").longTaskTimer().activeTasks());
    }

    private Search find(String name) {
        return meters.find(name);
    }
}
