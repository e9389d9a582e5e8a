package io.github.statestore.s3;

import static io.github.statestore.contract.ConditionalWritesContract.count;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.concurrency.CounterRun;
import io.github.statestore.r2.R2Config;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's counter run on S3 and R2 through the fault-injecting proxy: 8 threads make 50 {@code update}
 * calls each while a fifth of all requests fail (throttling, 500s, connections reset before and after the
 * server acts, answers held past the attempt timeout). The counter must equal the successful calls plus at
 * most the calls of unknown outcome, and no count may be returned by two successful calls.
 */
class CounterUnderFaultsIT {
    private static final Scope SCOPE = Scope.of("counter", "faults");
    private static final int THREADS = 8;
    private static final int INCREMENTS = 50;
    private static final RetryPolicy PATIENT = RetryPolicy.builder().maxAttempts(12)
            .baseDelay(Duration.ofMillis(5)).maxDelay(Duration.ofMillis(100)).build();
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(500);

    private FaultProxy proxy;

    @BeforeEach
    void start() {
        proxy = FaultProxy.toS3Server();
        proxy.delay(Duration.ofMillis(700));
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
    }

    @Test
    void s3() throws Exception {
        String bucket = S3Server.newBucket();
        run("S3", proxy.config(bucket).retryPolicy(PATIENT).attemptTimeout(ATTEMPT_TIMEOUT).build(),
                S3Server.config(bucket).build());
    }

    @Test
    void r2() throws Exception {
        Function<String, R2Config.Builder> r2 = bucket -> R2Config.builder()
                .accountId("0123456789abcdef0123456789abcdef").bucket(bucket)
                .accessKeyId(S3Server.ACCESS_KEY).secretAccessKey(S3Server.SECRET_KEY);
        String bucket = S3Server.newBucket();
        run("R2", r2.apply(bucket).endpoint(proxy.endpoint()).retryPolicy(PATIENT)
                .attemptTimeout(ATTEMPT_TIMEOUT).build(), r2.apply(bucket).endpoint(S3Server.endpoint()).build());
    }

    private void run(String backend, StoreConfig faulted, StoreConfig clean) throws Exception {
        proxy.plan(FaultPlan.random(0.2, 20261129L, Fault.TRANSIENT));
        CounterRun.Result result;
        try (StateStore store = faulted.open(SCOPE)) {
            result = CounterRun.run(store, THREADS, INCREMENTS);
        }
        proxy.plan(FaultPlan.none());
        long counter;
        try (StateStore store = clean.open(SCOPE)) {
            counter = count(store.get(CounterRun.KEY));
        }
        System.out.printf("%s counter under 20%% faults: %s; final counter %d; %d requests, %s%n", backend, result,
                counter, proxy.requests(), Fault.TRANSIENT.stream().map(f -> f + "=" + proxy.injected(f)).toList());
        result.assertExact(counter);
        for (Fault fault : Fault.TRANSIENT) {
            assertTrue(proxy.injected(fault) > 0, "no " + fault + " was injected");
        }
    }
}
