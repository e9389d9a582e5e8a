package io.github.statestore.internal;

import static io.github.statestore.contract.ConditionalWritesContract.count;
import static io.github.statestore.contract.ConditionalWritesContract.counter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.ConflictException;
import io.github.statestore.InvalidArgumentException;
import io.github.statestore.InvalidConfigException;
import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Proves {@link Updater} calls the change once an attempt on a fresh read, retries only conflicts, and is bounded. */
class UpdaterTest {
    private final StateStore store = StoreConfig.memory().open(Scope.of("app"));

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void retriesAConflictWithTheStateTheOtherWriterLeft() {
        List<Long> seen = new ArrayList<>();
        State written = store.update("a", 5, current -> {
            seen.add(count(current));
            if (seen.size() == 1) {
                store.set("a", counter(10));
            }
            return counter(count(current) + 1);
        });
        assertEquals(List.of(0L, 10L), seen);
        assertEquals(counter(11), written);
        assertEquals(counter(11), store.get("a").orElseThrow());
    }

    @Test
    void givesUpAfterMaxAttemptsCallingTheChangeOnceEach() {
        store.set("a", counter(1));
        int[] calls = {0};
        ConflictException e = assertThrows(ConflictException.class, () -> store.update("a", 4, current -> {
            calls[0]++;
            store.set("a", counter(100 + calls[0]));
            return counter(count(current) + 1);
        }));
        assertEquals(4, calls[0]);
        assertTrue(e.getMessage().contains("after 4 attempts"), e.getMessage());
        assertEquals(store.getVersioned("a").orElseThrow().version(), e.getCurrentVersion());
        assertEquals(counter(104), store.get("a").orElseThrow());
    }

    @Test
    void rejectsANullStateAndWritesNothing() {
        store.set("a", counter(1));
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> store.update("a", current -> null));
        assertEquals("Invalid argument change: returned null for key \"a\"; it must return the state to write",
                e.getMessage());
        assertEquals(counter(1), store.get("a").orElseThrow());
        assertThrows(InvalidArgumentException.class, () -> store.update("b", current -> null));
        assertEquals(Optional.empty(), store.get("b"));
    }

    @Test
    void doesNotRetryWhatTheChangeThrows() {
        IllegalStateException thrown = new IllegalStateException("no");
        int[] calls = {0};
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.update("a", 5, current -> {
            calls[0]++;
            throw thrown;
        }));
        assertSame(thrown, e);
        assertEquals(1, calls[0]);
        assertEquals(Optional.empty(), store.get("a"));
    }

    @Test
    void rejectsFewerThanOneAttempt() {
        assertThrows(InvalidConfigException.class, () -> store.update("a", 0, current -> counter(1)));
        assertEquals(Optional.empty(), store.get("a"));
    }
}
