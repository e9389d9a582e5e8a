package io.github.statestore.memory;

import io.github.statestore.Scope;
import io.github.statestore.internal.Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentMap;

/**
 * One scope's view of a {@link MemorySpace}. Documents are stored as the same JSON bytes the other backends
 * write, so values are copied in and out and callers can never change what is stored. Thread-safe.
 */
final class MemoryBackend implements Backend {
    private final Scope scope;
    private final ConcurrentMap<String, byte[]> entries;

    MemoryBackend(Scope scope, ConcurrentMap<String, byte[]> entries) {
        this.scope = scope;
        this.entries = entries;
    }

    @Override
    public void init() {
        // Nothing to prepare: the scope's map exists from the start.
    }

    @Override
    public List<String> keys() {
        return new ArrayList<>(entries.keySet());
    }

    @Override
    public byte[] read(String key) {
        byte[] bytes = entries.get(key);
        return bytes == null ? null : bytes.clone();
    }

    @Override
    public void write(String key, byte[] document) {
        entries.put(key, document.clone());
    }

    @Override
    public void delete(String key) {
        entries.remove(key);
    }

    @Override
    public String locate(String key) {
        return "memory:" + scope + "/" + key;
    }

    @Override
    public void close() {
        // The space outlives its stores: another store of the same config sees the same entries.
    }

    @Override
    public String toString() {
        return "memory";
    }
}
