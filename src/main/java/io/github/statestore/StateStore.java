package io.github.statestore;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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
 * <p>No argument may be {@code null}: a {@code null} key or lock name throws {@link InvalidKeyException}, a
 * {@code null} ttl or maxWait {@link InvalidConfigException}, and any other {@code null} argument (a state, a
 * version, a collection of keys, a function) {@link InvalidArgumentException} naming the parameter, before
 * anything is read or written.
 *
 * <p>Implementations are thread-safe: one store may be shared by many threads. Close it when done to release
 * its resources; using a closed store throws {@link StoreClosedException}.
 */
public interface StateStore extends AutoCloseable {

    /**
     * Checks up front that the store can reach its storage, so that a wrong setting shows when the program
     * starts rather than at its first read or write. On S3 and R2 it lists at most one key, which proves that
     * the bucket exists and the credentials are accepted (with {@code createBucket}, a missing bucket is
     * created, as it already is when the store is opened); on the FileSystem it creates the scope's directory;
     * on the memory store it does nothing. Optional: no other call needs it, since each prepares what it needs
     * itself. Idempotent.
     *
     * @throws BucketNotFoundException if the bucket does not exist and {@code createBucket} is off (S3, R2)
     * @throws AuthenticationException if the credentials are rejected, or none are found (S3, R2)
     * @throws StorageException if the directory cannot be created (FileSystem)
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
     * Reads one state with its version, for a later {@link #setIf} or {@link #deleteIf}.
     *
     * @param key the key
     * @return the state and its version, or empty when the key is absent
     * @throws InvalidKeyException if the key is invalid
     * @throws CorruptStateException if the stored document is not a valid state
     */
    Optional<VersionedState> getVersioned(String key);

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
     * Writes a state, replacing any earlier one (the last writer wins; see {@link #setIf} to detect other
     * writers). The write is atomic: a reader sees the old document or the new one, never a mix.
     *
     * <p>With a {@link HistoryPolicy} on, the document it replaces is kept in the key's history first, and the
     * write is a compare-and-set against that document, retried when another writer got there first, so that no
     * replaced version is missed. The document itself is still written in one atomic write.
     *
     * @param key the key
     * @param state the state
     * @throws InvalidKeyException if the key is invalid
     * @throws InvalidStateException if the state is past the limits every stored document keeps (see the
     *     state format's "Limits"); nothing is written
     * @throws ConflictException with history on only, if other writers got there first 100 times in a row
     */
    void set(String key, State state);

    /**
     * Writes a state only if the entry still has the version read earlier (compare-and-set). Atomic on
     * every backend: of two writers that read the same version, exactly one succeeds.
     *
     * @param key the key
     * @param state the state
     * @param expected the version from {@link #getVersioned}
     * @return the version of the written state
     * @throws ConflictException if the entry changed or was deleted since; nothing is written
     * @throws OutcomeUnknownException if an attempt's answer was lost and the outcome cannot be told (S3 and R2
     *     only): applied once or not at all
     * @throws InvalidStateException if the state is past the limits every stored document keeps (see the
     *     state format's "Limits"); nothing is written
     */
    Version setIf(String key, State state, Version expected);

    /**
     * Writes a state only if the key is absent.
     *
     * @param key the key
     * @param state the state
     * @return the version of the written state
     * @throws ConflictException if the key exists; nothing is written
     * @throws OutcomeUnknownException if an attempt's answer was lost and the outcome cannot be told (S3 and R2
     *     only): applied once or not at all
     * @throws InvalidStateException if the state is past the limits every stored document keeps (see the
     *     state format's "Limits"); nothing is written
     */
    Version create(String key, State state);

    /**
     * Writes a state that expires after a time to live, replacing any earlier one (the last writer wins), as
     * {@link #set(String, State)} does. Once the expiry has passed, by the clock of the machine that reads, the key
     * is absent for {@link #get}, {@link #getVersioned}, {@link #getBatch}, {@link #all}, {@link #list} and
     * {@link #count}, and a read that meets it removes it; {@link #purgeExpired()} removes every expired entry. A
     * later write without a time to live makes the entry permanent again. The expiry is kept outside the JSON
     * document, so other programs reading the scope (Alchemy) see the same document and know nothing of it.
     *
     * @param key the key
     * @param state the state
     * @param ttl how long the entry lives, from now: 1 ms to 36,500 days (rounded up to whole milliseconds)
     * @throws InvalidKeyException if the key is invalid
     * @throws InvalidArgumentException naming {@code ttl} and the key, if the ttl is out of range
     * @throws StateStoreException if the store's backend keeps no expiry (the default of this method)
     */
    default void set(String key, State state, Duration ttl) {
        throw noExpiry("set(String, State, Duration)");
    }

    /**
     * Writes a state that expires after a time to live, only if the key still has the expected version, as
     * {@link #setIf(String, State, Version)} does.
     *
     * @param key the key
     * @param state the state
     * @param expected the version the key must have
     * @param ttl how long the entry lives, from now, as for {@link #set(String, State, Duration)}
     * @return the version of the written state
     * @throws ConflictException if the key is absent or has another version; nothing is written
     * @throws OutcomeUnknownException if an attempt's answer was lost and the outcome cannot be told
     * @throws InvalidArgumentException naming {@code ttl} and the key, if the ttl is out of range
     * @throws StateStoreException if the store's backend keeps no expiry (the default of this method)
     */
    default Version setIf(String key, State state, Version expected, Duration ttl) {
        throw noExpiry("setIf(String, State, Version, Duration)");
    }

    /**
     * Writes a state that expires after a time to live, only if the key is absent, as
     * {@link #create(String, State)} does; a key whose entry has expired is absent.
     *
     * @param key the key
     * @param state the state
     * @param ttl how long the entry lives, from now, as for {@link #set(String, State, Duration)}
     * @return the version of the written state
     * @throws ConflictException if the key exists; nothing is written
     * @throws OutcomeUnknownException if an attempt's answer was lost and the outcome cannot be told
     * @throws InvalidArgumentException naming {@code ttl} and the key, if the ttl is out of range
     * @throws StateStoreException if the store's backend keeps no expiry (the default of this method)
     */
    default Version create(String key, State state, Duration ttl) {
        throw noExpiry("create(String, State, Duration)");
    }

    /**
     * When a key's entry expires.
     *
     * @param key the key
     * @return the instant it was written to expire at, or empty when it does not expire, is absent or has
     *     expired
     * @throws InvalidKeyException if the key is invalid
     * @throws StateStoreException if the store's backend keeps no expiry (the default of this method)
     */
    default Optional<Instant> expiresAt(String key) {
        throw noExpiry("expiresAt(String)");
    }

    /**
     * Removes every entry of this scope whose expiry has passed, by this machine's clock, each with a
     * compare-and-set delete, so that an entry written again meanwhile stays. Reads remove the expired entries
     * they meet; this removes the others, for a scheduled job or the command line's {@code purge}.
     *
     * @return how many entries this call removed
     * @throws StateStoreException if the store's backend keeps no expiry (the default of this method)
     */
    default int purgeExpired() {
        throw noExpiry("purgeExpired()");
    }

    private StateStoreException noExpiry(String method) {
        return new StateStoreException(getClass().getName() + " keeps no expiry: it does not implement StateStore."
                + method);
    }

    /**
     * Reads, changes and writes one state with {@link #setIf} (or {@link #create} when absent), re-reading
     * and calling {@code change} again whenever another writer got there first, up to 100 times.
     *
     * @param key the key
     * @param change computes the new state from the current one (empty when absent); may run several times,
     *     so it must have no side effects
     * @return the state written
     * @throws ConflictException if every attempt conflicted
     * @throws OutcomeUnknownException if the write's outcome cannot be told (S3 and R2 only); not retried, since
     *     running {@code change} again could apply it twice
     * @throws InvalidStateException if the state is past the limits every stored document keeps (see the
     *     state format's "Limits"); nothing is written
     */
    default State update(String key, Function<Optional<State>, State> change) {
        return update(key, 100, change);
    }

    /**
     * As {@link #update(String, Function)}, with a bound of your choosing.
     *
     * @param key the key
     * @param maxAttempts how many times to try, at least 1
     * @param change computes the new state from the current one (empty when absent); no side effects
     * @return the state written
     * @throws ConflictException if every attempt conflicted
     * @throws OutcomeUnknownException if the write's outcome cannot be told (S3 and R2 only); not retried
     * @throws InvalidConfigException if {@code maxAttempts} is below 1
     * @throws InvalidStateException if the state is past the limits every stored document keeps (see the
     *     state format's "Limits"); nothing is written
     */
    State update(String key, int maxAttempts, Function<Optional<State>, State> change);

    /**
     * Deletes a state. Deleting an absent key is not an error. With a {@link HistoryPolicy} on, the document is
     * kept in the key's history first, and the delete is a compare-and-set against it, as {@link #set} is.
     *
     * @param key the key
     * @throws InvalidKeyException if the key is invalid
     * @throws ConflictException with history on only, if other writers got there first 100 times in a row
     */
    void delete(String key);

    /**
     * Deletes a state only if it still has the version read earlier.
     *
     * @param key the key
     * @param expected the version from {@link #getVersioned}
     * @throws ConflictException if the entry changed or is already gone; nothing is deleted
     * @throws OutcomeUnknownException if an attempt's answer was lost and the outcome cannot be told (S3 and R2
     *     only): applied once or not at all
     */
    void deleteIf(String key, Version expected);

    /**
     * Takes the lock {@code name} of this scope, failing at once if another holder has it.
     *
     * @param name the lock's name, any valid key; lock entries never appear in {@link #list()}
     * @param ttl how long the lease lasts without renewal, at least 100 ms; it is renewed every third of it
     * @return the held lease; close it to release the lock
     * @throws LockHeldException if another holder has the lock, naming who and until when
     * @throws InvalidConfigException if {@code ttl} is below 100 ms
     */
    default Lease lock(String name, Duration ttl) {
        return lock(name, ttl, Duration.ZERO);
    }

    /**
     * Takes the lock {@code name} of this scope, waiting up to {@code maxWait} for its holder to release it
     * or to let it expire.
     *
     * @param name the lock's name, any valid key
     * @param ttl how long the lease lasts without renewal, at least 100 ms
     * @param maxWait how long to wait for the lock; zero to fail at once
     * @return the held lease; close it to release the lock
     * @throws LockHeldException if the lock is still held after {@code maxWait}
     */
    Lease lock(String name, Duration ttl, Duration maxWait);

    /**
     * Breaks a lock whose holder is known to be dead, without waiting for its lease to expire. The next
     * holder still gets a larger fencing token, so a holder that was not dead after all cannot write over
     * the next one's work with {@link Lease#set}. Breaking a free lock does nothing.
     *
     * @param name the lock's name
     */
    void forceUnlock(String name);

    /**
     * The locks of this scope, as their entries record them: held, expired or released, sorted by name.
     *
     * @return the locks; empty when none was ever taken
     * @throws CorruptStateException naming the lock, if an entry is not a lock entry
     * @throws StateStoreException if the backend cannot list its lock entries
     */
    List<LockInfo> locks();

    /**
     * Watches this scope with the backend's default poll interval: as
     * {@link #watch(ChangeListener, WatchOptions)} with {@link WatchOptions#defaults()}.
     *
     * @param listener told each change
     * @return the running subscription; close it to stop
     * @throws StateStoreException if this implementation cannot watch
     */
    default Subscription watch(ChangeListener listener) {
        return watch(listener, WatchOptions.defaults());
    }

    /**
     * Tells a listener of every change to this scope's keys, made by any writer: this store, another store of
     * this JVM, another process or another machine. Nested scopes and lock entries are not watched. The
     * subscription first takes a snapshot of the scope's keys and versions (before this method returns; no
     * event for what is already there), then compares each new look at the scope with the last one and
     * reports each difference as one {@link ChangeEvent}. When it looks is the backend's business, with its
     * own cost and delay (see {@code docs/subscriptions.md}): a listing every poll interval, woken earlier
     * where the storage tells of changes (the memory store at once, the FileSystem through the operating
     * system's file watching).
     *
     * <p>What it guarantees:
     * <ul>
     *   <li><b>Every change is seen.</b> After a key last changes, an event reports its version then (or its
     *       deletion). Several changes of one key between two looks coalesce into one event carrying the
     *       latest version, and a key that returns to what was last reported between two looks (created and
     *       deleted again, or rewritten with the same bytes where the version is a digest) gives none.</li>
     *   <li><b>Per-key order.</b> The events of one key come in the order of its changes: each reports a state
     *       of the key that came after the one the event before it reported. Events of different keys come
     *       in no promised order.</li>
     *   <li><b>Nothing invented.</b> Every event reports a version the key really had: a conditional write
     *       that conflicted, or a write that failed, gives none.</li>
     *   <li><b>Isolation.</b> The listener is called on a daemon thread of the subscription's own, one event
     *       at a time; an exception it throws is logged and does not stop this subscription or any other.</li>
     *   <li><b>Close stops delivery.</b> Once {@link Subscription#close()} returns, the listener is never
     *       called again; closing this store closes its subscriptions.</li>
     * </ul>
     * A look that fails (the storage unreachable) is logged and retried at the next interval; the changes
     * in between are reported once a look succeeds.
     *
     * @param listener told each change
     * @param options the poll interval
     * @return the running subscription; close it to stop
     * @throws StateStoreException if this implementation cannot watch (the default), or the first look at
     *     the scope failed
     * @throws StoreClosedException if this store is closed
     */
    default Subscription watch(ChangeListener listener, WatchOptions options) {
        throw new StateStoreException(getClass().getName() + " cannot watch for changes: it does not implement "
                + "StateStore.watch(ChangeListener, WatchOptions)");
    }

    /**
     * The versions of a key that the scope's history keeps, newest first: the documents that writes and deletes
     * replaced while a {@link HistoryPolicy} was on (in this store or another store of the same storage), within
     * that policy's bounds. The current document is not among them: {@link #getVersioned} reads it. Reading
     * history works whatever this store's own policy is. Nothing is read but a listing: each entry's facts are
     * kept in its name.
     *
     * @param key the key
     * @return the kept versions, newest first; empty when none is kept
     * @throws InvalidKeyException if the key is invalid
     * @throws StateStoreException if this store cannot keep history: its backend does not (the default)
     */
    default List<HistoryEntry> history(String key) {
        throw new StateStoreException(getClass().getName() + " keeps no history: it does not implement "
                + "StateStore.history(String)");
    }

    /**
     * Reads the state a key had at a version: its current version, or one that its history keeps.
     *
     * @param key the key
     * @param version a version from {@link #getVersioned}, {@link #history} or a {@link ChangeEvent}
     * @return the state, or empty when the key neither has that version now nor keeps it in its history
     * @throws InvalidKeyException if the key is invalid
     * @throws CorruptStateException if the stored document is not a valid state
     * @throws StateStoreException if this store cannot keep history (the default)
     */
    default Optional<State> getAt(String key, Version version) {
        throw new StateStoreException(getClass().getName() + " keeps no history: it does not implement "
                + "StateStore.getAt(String, Version)");
    }

    /**
     * Writes a version that a key's history keeps back as the key's newest version, with compare-and-set
     * against the state the call finds: the current document is kept in the history first, as by any write,
     * and a key that was deleted is created again (an undelete). The kept document's bytes are written exactly.
     *
     * @param key the key
     * @param version a version from {@link #history}
     * @return the version of the written state
     * @throws VersionNotFoundException if the history keeps no such version of the key; nothing is written
     * @throws ConflictException if another writer changed the key during the call; nothing is written
     * @throws OutcomeUnknownException if an attempt's answer was lost and the outcome cannot be told (S3 and R2
     *     only): applied once or not at all
     * @throws StateStoreException if this store's {@link HistoryPolicy} is off, or the store cannot keep history
     *     (the default)
     */
    default Version restore(String key, Version version) {
        throw new StateStoreException(getClass().getName() + " keeps no history: it does not implement "
                + "StateStore.restore(String, Version)");
    }

    /**
     * As {@link #restore(String, Version)}, but only if the key still has the version read earlier.
     *
     * @param key the key
     * @param version a version from {@link #history}
     * @param expected the key's current version, from {@link #getVersioned}
     * @return the version of the written state
     * @throws VersionNotFoundException if the history keeps no such version of the key; nothing is written
     * @throws ConflictException if the key changed or was deleted since {@code expected} was read; nothing is
     *     written
     * @throws OutcomeUnknownException if an attempt's answer was lost and the outcome cannot be told (S3 and R2
     *     only): applied once or not at all
     * @throws StateStoreException if this store's {@link HistoryPolicy} is off, or the store cannot keep history
     *     (the default)
     */
    default Version restoreIf(String key, Version version, Version expected) {
        throw new StateStoreException(getClass().getName() + " keeps no history: it does not implement "
                + "StateStore.restoreIf(String, Version, Version)");
    }

    /**
     * Deletes every state of this scope; nested scopes are left alone. With a {@link HistoryPolicy} on, each
     * document is kept in its key's history first, as {@link #delete} keeps it, so that {@link #restore} brings
     * it back; the history itself is not cleared.
     */
    void clear();

    /**
     * Moves every secret of this scope from one password to another, entry by entry with compare-and-set;
     * {@link io.github.statestore.secret.PasswordRotation#rotate} describes it. The store's own password does
     * not matter.
     *
     * @param oldPassword the password the secrets are under now
     * @param newPassword the password to put them under
     * @return how many entries were rewritten
     * @throws SecretException naming the key and path of a secret that neither password decrypts; entries
     *     before it are already rotated
     * @throws InvalidConfigException if a password is empty
     */
    int rotateSecrets(String oldPassword, String newPassword);

    /** Releases the store's resources. Idempotent. */
    @Override
    void close();
}
