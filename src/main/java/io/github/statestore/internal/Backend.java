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
     * Checks a valid key against this backend's own limits, before anything is read or written.
     *
     * @param key a key {@code KeyCodec} accepts
     * @throws io.github.statestore.InvalidKeyException if this backend cannot store it
     */
    default void checkKey(String key) {
    }

    /**
     * The scope's keys, in any order.
     *
     * @return the keys of this scope only
     */
    List<String> keys();

    /**
     * Reads one document with its version.
     *
     * @param key a valid key
     * @return the document and its version, or {@code null} when absent
     */
    Entry readEntry(String key);

    /**
     * Reads one document without its version, for reads that do not return one; a backend whose version
     * costs work of its own (a digest of the bytes) skips that work here.
     *
     * @param key a valid key
     * @return the document, or {@code null} when absent
     */
    default byte[] read(String key) {
        Entry entry = readEntry(key);
        return entry == null ? null : entry.bytes();
    }

    /**
     * Writes one document atomically if the entry is unchanged.
     *
     * @param key a valid key
     * @param document the bytes to store
     * @param expected the version the entry must have, or {@code null} if it must be absent
     * @return the version of the written document
     * @throws io.github.statestore.ConflictException if the entry is not as expected; nothing is written
     */
    String writeIf(String key, byte[] document, String expected);

    /**
     * Deletes one document if it has the expected version.
     *
     * @param key a valid key
     * @param expected the version the entry must have
     * @throws io.github.statestore.ConflictException if the entry is absent or has another version
     */
    void deleteIf(String key, String expected);

    /**
     * Reads a lease's lock entry. Lock entries live beside the scope's documents but are never listed,
     * and their names never clash with keys.
     *
     * @param name a valid lock name
     * @return the entry and its version, or {@code null} when there is none
     */
    Entry readLock(String name);

    /**
     * Writes a lock entry atomically if it is unchanged, as {@link #writeIf} does for documents.
     *
     * @param name a valid lock name
     * @param record the entry's bytes
     * @param expected the version the entry must have, or {@code null} if it must be absent
     * @return the version of the written entry
     * @throws io.github.statestore.ConflictException if the entry is not as expected; nothing is written
     */
    String writeLockIf(String name, byte[] record, String expected);

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

    /**
     * Where a lock's entry lives, for messages.
     *
     * @param name a valid lock name
     * @return a file path or object URL
     */
    String locateLock(String name);

    @Override
    void close();
}
