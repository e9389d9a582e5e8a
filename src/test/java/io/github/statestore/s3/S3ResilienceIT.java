package io.github.statestore.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * With a fifth of requests faulted (throttling, 500s, resets before and after the server acts, answers held
 * past the attempt timeout), 2,000 mixed operations from 8 threads all succeed, every read sees the thread's
 * last acknowledged state, and afterwards the bucket holds exactly what was acknowledged.
 */
class S3ResilienceIT {
    private static final int THREADS = 8;
    private static final int OPERATIONS = 2_000;
    private static final int KEYS_PER_THREAD = 12;
    private static final Scope SCOPE = Scope.of("app", "resilience");

    @Test
    void acknowledgedOperationsSurviveFaults() throws Exception {
        String bucket = S3Server.newBucket();
        Map<String, State> acknowledged = new TreeMap<>();
        try (FaultProxy proxy = FaultProxy.toS3Server();
                StateStore store = proxy.config(bucket)
                        .retryPolicy(RetryPolicy.builder().maxAttempts(10).baseDelay(Duration.ofMillis(10))
                                .maxDelay(Duration.ofMillis(200)).build())
                        .attemptTimeout(Duration.ofSeconds(1))
                        .build().open(SCOPE)) {
            proxy.delay(Duration.ofMillis(1500));
            proxy.plan(FaultPlan.random(0.2, 20240917L, Fault.TRANSIENT));
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<Map<String, State>>> workers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    Worker worker = new Worker(store, t);
                    workers.add(threads.submit(() -> worker.run(OPERATIONS / THREADS)));
                }
                for (Future<Map<String, State>> worker : workers) {
                    acknowledged.putAll(worker.get(5, TimeUnit.MINUTES));
                }
            } finally {
                threads.shutdownNow();
            }
            for (Fault fault : Fault.TRANSIENT) {
                assertTrue(proxy.injected(fault) > 0, "no " + fault + " was injected");
            }
        }
        try (StateStore clean = S3Server.config(bucket).build().open(SCOPE)) {
            assertEquals(acknowledged, new TreeMap<>(clean.all()));
        }
    }

    /** One thread's operations on keys of its own, tracking what the store acknowledged. */
    private static final class Worker {
        private final StateStore store;
        private final String prefix;
        private final Random random;
        private final Map<String, State> present = new HashMap<>();

        Worker(StateStore store, int id) {
            this.store = store;
            this.prefix = "w" + id + "-";
            this.random = new Random(id);
        }

        /** @return the worker's keys that should exist, with their last acknowledged state */
        Map<String, State> run(int operations) {
            for (int n = 0; n < operations; n++) {
                String key = randomKey();
                int dice = random.nextInt(100);
                if (dice < 40) {
                    State state = state(key, n);
                    store.set(key, state);
                    present.put(key, state);
                } else if (dice < 60) {
                    assertEquals(Optional.ofNullable(present.get(key)), store.get(key), key);
                } else if (dice < 75) {
                    List<String> keys = Stream.generate(this::randomKey).limit(4).distinct().toList();
                    Map<String, State> expected = keys.stream().filter(present::containsKey)
                            .collect(Collectors.toMap(k -> k, present::get));
                    assertEquals(expected, store.getBatch(keys), keys.toString());
                } else if (dice < 90) {
                    store.delete(key);
                    present.remove(key);
                } else {
                    List<String> mine = store.list().stream().filter(k -> k.startsWith(prefix)).toList();
                    assertEquals(present.keySet().stream().sorted().toList(), mine);
                }
            }
            return present;
        }

        private String randomKey() {
            return prefix + random.nextInt(KEYS_PER_THREAD);
        }

        private static State state(String key, int n) {
            return State.builder().status(State.Status.UPDATED).kind("test::Thing").id(key).fqn("app/" + key)
                    .seq(n).props(Map.of("version", key + "@" + n)).build();
        }
    }
}
