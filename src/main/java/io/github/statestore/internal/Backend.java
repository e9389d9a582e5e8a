package io.github.statestore.internal;

import java.util.Collection;
import java.util.List;

/**
 * What a backend does for one scope: move bytes by key. Everything shared (validation, JSON, batching,
 * ordering) is done once above it, in {@link BackendStateStore}. Keys reaching a backend are already
 * validated. Implementations must be thread-safe.
 */
public interface Backend extends AutoCloseable {

    /** Prepares the storage; idempotent. */
    void init();

    /**
     * The scope's keys, in any order.
     *
     * @return the keys of this scope only
     */
    List<String> keys();

    /**
     * Reads one document.
     *
     * @param key a valid key
     * @return the document's bytes, or {@code null} when absent
     */
    byte[] read(String key);

    /**
     * Writes one document atomically, replacing any earlier one.
     *
     * @param key a valid key
     * @param document the bytes to store
     */
    void write(String key, byte[] document);

    /**
     * Deletes one document; an absent key is not an error.
     *
     * @param key a valid key
     */
    void delete(String key);

    /**
     * Deletes several documents; absent keys are not an error.
     *
     * @param keys valid keys
     */
    default void deleteAll(Collection<String> keys) {
        keys.forEach(this::delete);
    }

    /**
     * How many reads {@code getBatch} may run at once.
     *
     * @return 1 for local backends
     */
    default int readConcurrency() {
        return 1;
    }

    /**
     * Where a key's document lives, for messages.
     *
     * @param key a valid key
     * @return a file path or object URL
     */
    String locate(String key);

    @Override
    void close();
}
