package io.github.statestore.spi;

/**
 * A config whose storage can list its scopes, for {@link io.github.statestore.StateStores#scopes}: a backend
 * capability a {@link io.github.statestore.StoreConfig} declares by implementing this interface. The walk of
 * the tree (nested scopes, validation of names, order) is done once above it; a backend only names the scopes
 * directly below one, from its storage's own listing (directories, common prefixes), without reading a
 * document. The FileSystem, in-memory, S3, R2 and
 * JDBC configs implement it. Implementations are thread-safe.
 */
public interface ScopeDiscovery {

    /**
     * Opens a listing of this config's storage, used for one walk of the tree and then closed.
     *
     * @return the listing; it may hold a client or a connection until closed
     */
    ScopeListing openScopeListing();
}
