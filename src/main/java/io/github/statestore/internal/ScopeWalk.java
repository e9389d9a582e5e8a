package io.github.statestore.internal;

import io.github.statestore.InvalidScopeException;
import io.github.statestore.Scope;
import io.github.statestore.StateStores;
import io.github.statestore.StoreConfig;
import io.github.statestore.spi.ScopeDiscovery;
import io.github.statestore.spi.ScopeListing;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks a storage's tree of scopes through its {@link ScopeDiscovery}: every scope below a starting point,
 * nested ones included, in the order of their names. A name that is not a valid scope name (a directory
 * someone else made) is skipped with a warning, never followed. Stateless and thread-safe.
 */
public final class ScopeWalk {
    /** Orders scopes by their names, outermost first, each compared as a string. */
    public static final Comparator<Scope> ORDER = (a, b) -> {
        List<String> x = a.names();
        List<String> y = b.names();
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            int c = x.get(i).compareTo(y.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.size(), y.size());
    };
    private static final Logger LOG = LoggerFactory.getLogger(ScopeWalk.class);

    private ScopeWalk() {
    }

    /**
     * A scope and every scope below it in a config's storage, as copies and exports take a tree.
     *
     * @param config the backend and its settings; it must list its scopes
     * @param root the top scope
     * @return {@code root}, then the scopes below it in {@link #ORDER}
     */
    public static List<Scope> tree(StoreConfig config, Scope root) {
        List<Scope> tree = new ArrayList<>();
        tree.add(root);
        tree.addAll(StateStores.scopes(config, root));
        return tree;
    }

    /**
     * Every scope below {@code under}, or every scope of the storage.
     *
     * @param discovery the storage's discovery
     * @param under the scope whose descendants to list, or {@code null} for all
     * @return the scopes, sorted by {@link #ORDER}; {@code under} itself is not included
     */
    public static List<Scope> below(ScopeDiscovery discovery, Scope under) {
        List<Scope> found = new ArrayList<>();
        try (ScopeListing listing = discovery.openScopeListing()) {
            Deque<Scope> pending = new ArrayDeque<>();
            addChildren(listing, under, found, pending);
            while (!pending.isEmpty()) {
                addChildren(listing, pending.pop(), found, pending);
            }
        }
        found.sort(ORDER);
        return List.copyOf(found);
    }

    private static void addChildren(ScopeListing listing, Scope parent, List<Scope> found, Deque<Scope> pending) {
        for (String name : listing.childNames(parent)) {
            Scope child;
            try {
                child = parent == null ? Scope.of(name) : parent.child(name);
            } catch (InvalidScopeException notAScope) {
                LOG.warn("Skipping '{}' below {}: not a scope name ({})", name, parent == null ? "the root" : parent,
                        notAScope.getMessage());
                continue;
            }
            found.add(child);
            pending.push(child);
        }
    }
}
