package io.github.statestore.spi;

import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.internal.Arguments;
import io.github.statestore.internal.BackendStateStore;
import io.github.statestore.internal.Passwords;

/**
 * Turns a {@link Backend} into a {@link StateStore}: what a backend's {@link io.github.statestore.StoreConfig}
 * returns from {@code open}. The store does everything shared above the backend (key validation, JSON and its
 * limits, secrets, batching, compare-and-set loops, leases), so that a backend only moves bytes. Stateless
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
        Arguments.notNull(scope, "scope");
        Arguments.notNull(backend, "backend");
        return new BackendStateStore(scope, backend, Passwords.codec(password, System.getenv()));
    }
}
