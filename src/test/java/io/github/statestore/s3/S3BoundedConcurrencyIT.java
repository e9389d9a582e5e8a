package io.github.statestore.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.contract.StateStoreContract;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code getBatch} runs its reads concurrently, but never more at once than {@code maxConcurrency}. */
class S3BoundedConcurrencyIT {
    private static final int KEYS = 200;
    private static final int MAX_CONCURRENCY = 8;

    @Test
    void getBatchStaysWithinMaxConcurrency() throws Exception {
        String bucket = S3Server.newBucket();
        Scope scope = Scope.of("app");
        Map<String, State> written = new LinkedHashMap<>();
        IntStream.range(0, KEYS).forEach(i -> written.put("k" + i, StateStoreContract.state("r" + i)));
        try (StateStore direct = S3Server.config(bucket).build().open(scope)) {
            written.forEach(direct::set);
        }
        try (FaultProxy proxy = FaultProxy.toS3Server();
                StateStore store = proxy.config(bucket).maxConcurrency(MAX_CONCURRENCY).build().open(scope)) {
            proxy.latency(Duration.ofMillis(20));
            assertEquals(written, store.getBatch(written.keySet()));
            assertEquals(KEYS, proxy.requests("GET"));
            assertTrue(proxy.maxInFlight() <= MAX_CONCURRENCY, "in flight at once: " + proxy.maxInFlight());
            assertTrue(proxy.maxInFlight() > 1, "in flight at once: " + proxy.maxInFlight());
        }
    }
}
