package io.github.statestore.internal;

import io.github.statestore.ConflictException;
import io.github.statestore.InvalidArgumentException;
import io.github.statestore.InvalidConfigException;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.StateStoreException;
import io.github.statestore.VersionedState;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Read-modify-write with compare-and-set, retried on conflict after a short random pause (up to
 * {@value #MAX_PAUSE_MILLIS} ms, growing with each conflict) so that contending writers spread out.
 * Not shared: one per call.
 */
final class Updater {
    static final int MAX_PAUSE_MILLIS = 50;

    private final StateStore store;
    private final int maxAttempts;

    Updater(StateStore store, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new InvalidConfigException("maxAttempts", "an update needs at least 1 attempt, was " + maxAttempts);
        }
        this.store = store;
        this.maxAttempts = maxAttempts;
    }

    State update(String key, Function<Optional<State>, State> change) {
        Arguments.notNull(change, "change");
        for (int attempt = 1; ; attempt++) {
            Optional<VersionedState> current = store.getVersioned(key);
            State next = change.apply(current.map(VersionedState::state));
            if (next == null) {
                throw new InvalidArgumentException("change", "returned null for key " + Text.quote(key)
                        + "; it must return the state to write");
            }
            try {
                if (current.isPresent()) {
                    store.setIf(key, next, current.get().version());
                } else {
                    store.create(key, next);
                }
                return next;
            } catch (ConflictException e) {
                if (attempt >= maxAttempts) {
                    throw new ConflictException(key, current.map(VersionedState::version).orElse(null),
                            e.getCurrentVersion(), "update (after " + attempt + " attempts)");
                }
                pause(attempt);
            }
        }
    }

    static void pause(int attempt) {
        long ceiling = Math.min(MAX_PAUSE_MILLIS, 1L << Math.min(attempt, 6));
        try {
            TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextLong(ceiling * 1000 + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateStoreException("Interrupted while retrying an update", e, true);
        }
    }
}
