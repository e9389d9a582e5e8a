package io.github.statestore;

import io.github.statestore.internal.Arguments;

/**
 * Opens stores.
 *
 * <pre>{@code
 * try (StateStore store = StateStores.open(StoreConfig.fromEnv(), Scope.of("my-app", "dev"))) {
 *     store.list();
 * }
 * }</pre>
 *
 * Stateless and thread-safe.
 */
public final class StateStores {
    private StateStores() {
    }

    /**
     * Opens a store for one scope on the backend the config picks.
     *
     * @param config the backend and its settings
     * @param scope the scope
     * @return a new store; close it when done
     */
    public static StateStore open(StoreConfig config, Scope scope) {
        Arguments.notNull(config, "config");
        Arguments.notNull(scope, "scope");
        return config.open(scope);
    }
}
