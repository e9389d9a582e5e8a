package io.github.statestore.concurrency;

import static io.github.statestore.contract.ConditionalWritesContract.count;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's counter run on the local stores, where the outcome of a write is always known: 8 threads make
 * 50 {@code update} calls each, every one succeeds, and the counter ends at exactly 400 with no count
 * returned twice.
 */
class CounterExactnessTest {
    private static final Scope SCOPE = Scope.of("counter", "exact");
    private static final int THREADS = 8;
    private static final int INCREMENTS = 50;

    @TempDir
    Path dir;

    @Test
    void fileSystem() throws Exception {
        try (StateStore store = StoreConfig.fileSystem(dir.resolve(".alchemy")).open(SCOPE)) {
            assertExactWithoutUnknowns(store);
        }
    }

    @Test
    void memory() throws Exception {
        try (StateStore store = StoreConfig.memory().open(SCOPE)) {
            assertExactWithoutUnknowns(store);
        }
    }

    private static void assertExactWithoutUnknowns(StateStore store) throws Exception {
        CounterRun.Result result = CounterRun.run(store, THREADS, INCREMENTS);
        long counter = count(store.get(CounterRun.KEY));
        result.assertExact(counter);
        assertEquals(0, result.unknown());
        assertEquals(THREADS * INCREMENTS, counter);
    }
}
