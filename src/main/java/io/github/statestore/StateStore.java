package io.github.statestore;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The states of one {@link Scope}, keyed by resource id. Open one with
 * {@link StateStores#open(StoreConfig, Scope)}; the backend (FileSystem, S3, R2, memory) is picked by the
 * config, and every backend behaves the same way.
 *
 * <p>Keys are any non-empty strings other than {@code .} and {@code ..}, without control characters or
 * unpaired surrogates, up to 1,024 UTF-8 bytes once encoded (on S3 and R2 the whole object key, prefix and
 * scope included, must fit in 1,024 bytes); a key may contain {@code /} (stored as {@code :}, Alchemy's rule). A store sees only its own scope: never a
 * parent's, a child's or a sibling's keys.
 *
 * <p>Implementations are thread-safe: one store may be shared by many threads. Close it when done to release
 * its resources; using a closed store throws {@link StoreClosedException}.
 */
public interface StateStore extends AutoCloseable {

    /**
     * Prepares the backing storage (creates the scope's directory; checks or creates the bucket). Optional:
     * the first write does what it needs. Idempotent.
     */
    void init();

    /**
     * The scope this store reads and writes.
     *
     * @return the scope
     */
    Scope scope();

    /**
     * This scope's keys, never a nested scope's.
     *
     * @return the keys, sorted by {@link String#compareTo}
     */
    List<String> list();

    /**
     * How many keys this scope holds.
     *
     * @return {@code list().size()}, computed without reading the documents
     */
    int count();

    /**
     * Reads one state.
     *
     * @param key the key
     * @return the state, or empty when the key is absent
     * @throws InvalidKeyException if the key is invalid
     * @throws CorruptStateException if the stored document is not a valid state
     */
    Optional<State> get(String key);

    /**
     * Reads several states. Keys may repeat; absent keys are left out of the result.
     *
     * @param keys the keys
     * @return the present keys' states, in the order of the keys' first occurrence
     * @throws InvalidKeyException if any key is invalid (checked before anything is read)
     * @throws CorruptStateException if a requested document is corrupt
     */
    Map<String, State> getBatch(Collection<String> keys);

    /**
     * Reads every state of this scope.
     *
     * @return every key's state, sorted by key
     * @throws CorruptStateException if a document is corrupt
     */
    Map<String, State> all();

    /**
     * Writes a state, replacing any earlier one (the last writer wins). The write is atomic: a reader sees
     * the old document or the new one, never a mix.
     *
     * @param key the key
     * @param state the state
     * @throws InvalidKeyException if the key is invalid
     */
    void set(String key, State state);

    /**
     * Deletes a state. Deleting an absent key is not an error.
     *
     * @param key the key
     * @throws InvalidKeyException if the key is invalid
     */
    void delete(String key);

    /** Deletes every state of this scope; nested scopes are left alone. */
    void clear();

    /** Releases the store's resources. Idempotent. */
    @Override
    void close();
}
