package io.github.statestore.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.contract.ContractFixture;
import io.github.statestore.observation.StoreObservation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Observation on S3 (S3Proxy behind a {@link FaultProxy} that answers some requests with errors): retries and
 * throttling counted for the operation they served, on the threads of a {@code getBatch} too; a created bucket
 * logged at INFO, retries at WARN; and no credential nor password in any log line.
 */
class S3ObservationIT {
    private static final Scope SCOPE = Scope.of("app", "dev");
    private static final String PASSWORD = "s3-observed-password";
    private static final RetryPolicy FAST = RetryPolicy.builder().maxAttempts(5).baseDelay(Duration.ofMillis(10))
            .maxDelay(Duration.ofMillis(50)).build();

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final ObservationRegistry registry = ObservationRegistry.create();
    /** Each stopped operation's retry events, by its operation tag. */
    private final Map<String, Integer> retriesByOperation = new ConcurrentHashMap<>();

    S3ObservationIT() {
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onEvent(Observation.Event event, Observation.Context context) {
                if (event.getName().equals("retry")) {
                    retriesByOperation.merge(context.getLowCardinalityKeyValue("operation").getValue(), 1,
                            Integer::sum);
                }
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return context.getName().equals("statestore.operation");
            }
        });
    }

    @Test
    void throttledRetriesAreCountedForTheirOperationAndLoggedWithoutSecrets() throws Exception {
        String bucket = S3Server.newBucketName();
        String logged;
        try (CapturedLogs logs = new CapturedLogs(Level.DEBUG); FaultProxy proxy = FaultProxy.toS3Server();
                StateStore store = StoreObservation.observe(proxy.config(bucket).createBucket(true).retryPolicy(FAST)
                        .password(PASSWORD).build(), registry).open(SCOPE)) {
            store.init();
            store.set("api", ContractFixture.state("api"));
            proxy.plan(FaultPlan.firstOf("GET", List.of(Fault.SLOW_DOWN, Fault.SLOW_DOWN)));
            assertEquals("api", store.get("api").orElseThrow().id());
            assertEquals(2, proxy.injected(Fault.SLOW_DOWN));
            logged = String.join("\n", logs.lines());
            assertTrue(logs.messages("INFO io.github.statestore").contains("Created bucket '" + bucket
                    + "' in region us-east-1"), logged);
            assertEquals(2, logs.messages("WARN io.github.statestore").stream()
                    .filter(m -> m.startsWith("S3 get of ") && m.contains("Status Code: 503")).count(), logged);
        }
        assertEquals(2, count("statestore.operation.retry", "get"));
        assertEquals(2, count("statestore.operation.throttled", "get"));
        assertEquals(0, count("statestore.operation.retry", "set"));
        assertEquals(1, meters.find("statestore.operation").tags("backend", "s3", "operation", "get", "outcome",
                "success").timer().count());
        for (String secret : List.of(S3Server.SECRET_KEY, PASSWORD)) {
            assertFalse(logged.contains(secret), "a secret was logged:\n" + logged);
        }
    }

    @Test
    void aRetryOnAParallelReadCountsForItsGetBatch() throws Exception {
        String bucket = S3Server.newBucket();
        List<String> keys = IntStream.range(0, 8).mapToObj(i -> "k" + i).toList();
        try (FaultProxy proxy = FaultProxy.toS3Server();
                StateStore store = StoreObservation.observe(proxy.config(bucket).retryPolicy(FAST).build(),
                        registry).open(SCOPE)) {
            keys.forEach(k -> store.set(k, ContractFixture.state(k)));
            proxy.plan(FaultPlan.firstOf("GET", List.of(Fault.INTERNAL_ERROR)));
            assertEquals(keys.size(), store.getBatch(keys).size());
        }
        assertEquals(Map.of("getBatch", 1), retriesByOperation);
        assertEquals(0, count("statestore.operation.throttled", "getBatch"));
    }

    private double count(String counter, String operation) {
        var found = meters.find(counter).tags("operation", operation).counter();
        return found == null ? 0 : found.count();
    }
}
