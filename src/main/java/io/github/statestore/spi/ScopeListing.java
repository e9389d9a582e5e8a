package io.github.statestore.spi;

import io.github.statestore.Scope;
import java.util.List;

/**
 * One walk's view of a storage's scopes, opened by {@link ScopeDiscovery#openScopeListing()}. Used by one
 * thread at a time.
 */
public interface ScopeListing extends AutoCloseable {

    /**
     * The names of the scopes directly below {@code parent}: the directories, prefixes or other containers that
     * hold the scopes' documents, with a store's own entries (lock namespaces, temp files) left out. A name that
     * is not a valid scope name may be returned; the caller skips it. Nothing is read but the listing.
     *
     * @param parent the scope whose children to name, or {@code null} for the scopes at the root
     * @return the names, decoded as {@link Scope} holds them, each once, in any order; empty when there are none
     *     or {@code parent} does not exist
     * @throws io.github.statestore.StorageException if the storage cannot be listed
     */
    List<String> childNames(Scope parent);

    /** Releases what the listing holds. */
    @Override
    void close();
}
