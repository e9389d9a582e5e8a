package io.github.statestore.spi;

import io.github.statestore.HistoryPolicy;
import io.github.statestore.InvalidConfigException;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.internal.Arguments;
import io.github.statestore.internal.BackendStateStore;
import io.github.statestore.internal.Passwords;

/**
 * Turns a {@link Backend} into a {@link StateStore}: what a backend's {@link io.github.statestore.StoreConfig}
 * returns from {@code open}. The store does everything shared above the backend (key validation, JSON and its
 * limits, secrets, batching, compare-and-set loops, leases, history), so that a backend only moves bytes. Stateless
 * and thread-safe.
 */
public final class BackendStores {
    private BackendStores() {
    }

    /**
     * Opens a store over a backend.
     *
     * @param scope the scope the backend serves
     * @param backend the backend; the store closes it when it is closed
     * @param password the password that seals and opens secrets, or {@code null} (or empty) to take
     *     {@code STATESTORE_PASSWORD}, else {@code ALCHEMY_PASSWORD}, from the environment (neither set: a
     *     store that refuses to write a {@code Secret})
     * @return the store
     * @throws io.github.statestore.InvalidArgumentException if {@code scope} or {@code backend} is null
     */
    public static StateStore open(Scope scope, Backend backend, String password) {
        return open(scope, backend, password, HistoryPolicy.off());
    }

    /**
     * Opens a store over a backend that keeps the versions its writes replace by a policy (see
     * {@link HistoryPolicy}); the mechanism is the store's, over the backend's history entries.
     *
     * @param scope the scope the backend serves
     * @param backend the backend; the store closes it when it is closed
     * @param password as for {@link #open(Scope, Backend, String)}
     * @param history the history policy; {@link HistoryPolicy#off()} opens the same store as
     *     {@link #open(Scope, Backend, String)}
     * @return the store
     * @throws io.github.statestore.InvalidArgumentException if {@code scope}, {@code backend} or {@code history}
     *     is null
     * @throws InvalidConfigException naming {@code history} if the policy is on and the backend keeps no history
     *     entries ({@link Backend#keepsHistory()}); the backend is closed
     */
    public static StateStore open(Scope scope, Backend backend, String password, HistoryPolicy history) {
        Arguments.notNull(scope, "scope");
        Arguments.notNull(backend, "backend");
        Arguments.notNull(history, "history");
        if (history.enabled() && !backend.keepsHistory()) {
            backend.close();
            throw new InvalidConfigException("history", history + " needs a backend that keeps history entries; "
                    + backend + " (" + backend.getClass().getName() + ") does not");
        }
        return new BackendStateStore(scope, backend, Passwords.codec(password, System.getenv()), history);
    }
}
