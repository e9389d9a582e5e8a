package io.github.statestore;

import io.github.statestore.internal.Arguments;
import io.github.statestore.internal.ScopeWalk;
import io.github.statestore.spi.ScopeDiscovery;
import java.util.List;

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

    /**
     * Lists every scope of a config's storage, nested ones included, without reading a document: the
     * directories under the FileSystem store's root, the common prefixes under an S3 or R2 store's prefix, the
     * scopes an in-memory space holds. A scope appears when its storage holds something for it or for a scope
     * below it (a FileSystem directory may stay, empty, after its keys are deleted).
     *
     * @param config the backend and its settings
     * @return the scopes, ordered by their names, outermost first
     * @throws StateStoreException if the config's backend cannot list scopes (its config does not implement
     *     {@link io.github.statestore.spi.ScopeDiscovery}), or a {@link StorageException} if the listing fails
     */
    public static List<Scope> scopes(StoreConfig config) {
        return ScopeWalk.below(discovery(config), null);
    }

    /**
     * Lists the scopes below one scope, as {@link #scopes(StoreConfig)} does for the whole storage.
     *
     * @param config the backend and its settings
     * @param under the scope whose nested scopes to list; it is not itself listed
     * @return the scopes below {@code under}, ordered by their names, outermost first
     * @throws StateStoreException if the config's backend cannot list scopes, or a {@link StorageException} if
     *     the listing fails
     */
    public static List<Scope> scopes(StoreConfig config, Scope under) {
        Arguments.notNull(under, "under");
        return ScopeWalk.below(discovery(config), under);
    }

    private static ScopeDiscovery discovery(StoreConfig config) {
        if (Arguments.notNull(config, "config") instanceof ScopeDiscovery discovery) {
            return discovery;
        }
        throw new StateStoreException("The store of " + config + " cannot list its scopes: its config ("
                + config.getClass().getName() + ") does not implement " + ScopeDiscovery.class.getName());
    }
}
