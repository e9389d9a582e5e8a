package io.github.statestore.memory;

import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.internal.BackendStateStore;
import io.github.statestore.internal.Entry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The in-memory backend: the reference semantics, for tests. Each config is its own space: stores opened
 * from one config (for any scopes) share its entries until the JVM exits; stores of another config see
 * nothing of them. Thread-safe.
 */
public final class MemoryConfig implements StoreConfig {
    private final ConcurrentMap<Scope, ConcurrentMap<String, Entry>> scopes = new ConcurrentHashMap<>();
    private final ConcurrentMap<Scope, ConcurrentMap<String, Entry>> locks = new ConcurrentHashMap<>();

    /** Creates an empty space. */
    public MemoryConfig() {
    }

    @Override
    public StateStore open(Scope scope) {
        return new BackendStateStore(scope,
                new MemoryBackend(scope, scopes.computeIfAbsent(scope, s -> new ConcurrentHashMap<>()),
                        locks.computeIfAbsent(scope, s -> new ConcurrentHashMap<>())));
    }

    @Override
    public String toString() {
        return "MemoryConfig@" + Integer.toHexString(System.identityHashCode(this));
    }
}
