package io.github.statestore.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a backend does for one scope: move bytes by key. Everything shared (key validation and encoding,
 * JSON and its limits, secrets, batching, ordering, {@code update}, leases and fencing) is done once above it,
 * by the store {@link BackendStores#open} builds; a backend never sees a {@code State}.
 *
 * <p>The contract every implementation keeps, which the conformance kit checks:
 * <ul>
 *   <li><b>Thread-safety.</b> Every method may be called from many threads at once, and several backend
 *       instances (of one JVM or of several processes or machines) may serve the same scope of the same
 *       storage: what one writes, the others read.</li>
 *   <li><b>Keys.</b> A key or lock name reaching a backend is already valid (non-empty, at most 1,024 UTF-8
 *       bytes once encoded, no control characters, not {@code .} or {@code ..}); it may hold any other
 *       character, {@code /} and {@code :} included, and the backend stores it so that {@link #keys()}
 *       returns it exactly. Documents, lock entries and history entries are separate namespaces: a lock
 *       named {@code x} never shows in {@link #keys()} and never clashes with the key {@code x}.</li>
 *   <li><b>Versions.</b> A version is an opaque, non-empty token that changes whenever the bytes change
 *       (a digest of the bytes, an ETag, a row version); equal bytes may share a token.</li>
 *   <li><b>Atomicity.</b> A write replaces a document as a whole: a reader sees the old bytes or the new
 *       ones, never a mix, and a crash leaves one or the other. A conditional write or delete checks and acts
 *       as one step against every other writer of the scope.</li>
 *   <li><b>Absent</b> is {@code null} from the reads, never an exception.</li>
 *   <li><b>Errors.</b> A condition that does not hold is a {@link io.github.statestore.ConflictException}
 *       ({@link Conflicts#of} builds it) and nothing is written. A storage failure is a
 *       {@link io.github.statestore.StorageException} naming the operation, the key and {@link #locate} of
 *       it (with {@code retryable} set when a later call may succeed), or a
 *       {@link io.github.statestore.StoreUnavailableException} when the storage could not be reached through
 *       every attempt. A document the backend cannot read as bytes is a
 *       {@link io.github.statestore.CorruptStateException}. When a conditional write's outcome cannot be
 *       known (its answer was lost and the evidence is gone), throw
 *       {@link io.github.statestore.OutcomeUnknownException}; never report success for a write that did not
 *       happen, nor apply one write twice. Throw only {@link io.github.statestore.StateStoreException}s: any other exception reaches the
 *       caller as it is.</li>
 * </ul>
 */
public interface Backend extends AutoCloseable {

    /**
     * Prepares the storage (creates a bucket, a table, a directory), when the caller asks for it with
     * {@link io.github.statestore.StateStore#init()}. Idempotent; a backend that needs nothing does nothing.
     */
    void init();

    /**
     * Checks a valid key against this backend's own limits, before anything is read or written, so that a key
     * the backend cannot store fails the same way on every call.
     *
     * @param key a valid key
     * @throws io.github.statestore.InvalidKeyException if this backend cannot store it; the default accepts
     *     every valid key
     */
    default void checkKey(String key) {
    }

    /**
     * The scope's keys: its documents', never its lock entries', never a nested scope's.
     *
     * @return the keys, in any order, each once
     */
    List<String> keys();

    /**
     * The scope's documents' versions, for {@link io.github.statestore.StateStore#watch}, which compares one
     * call's answer with the last. Each version is the one {@link #readEntry} reports for the key, read at some
     * moment of the call (the map need not be one atomic snapshot, but a later call never reports an older
     * state of a key than an earlier call did). Override it when the storage lists versions with the keys (an
     * S3 listing's ETags, a SQL query): the default calls {@link #readEntry} for each key of {@link #keys()}.
     *
     * @return each key's version, as {@link #keys()} lists the keys
     */
    default Map<String, String> versions() {
        Map<String, String> versions = new HashMap<>();
        for (String key : keys()) {
            Entry entry = readEntry(key);
            if (entry != null) {
                versions.put(key, entry.version());
            }
        }
        return versions;
    }

    /**
     * A new signal of changes to this scope, for one watch; it only makes the watch look at the scope sooner
     * than its next poll. Override it when the storage tells of changes (a file watch, a notification).
     *
     * @return the signal; the default, {@link ChangeSignal#none()}, never fires, so a watch only polls
     */
    default ChangeSignal changeSignal() {
        return ChangeSignal.none();
    }

    /**
     * How often a watch calls {@link #versions()} when its caller does not say.
     *
     * @return at least 10 ms, at most 1 hour; the default, 1 second, suits a storage whose listing costs
     *     nothing but time; a storage that bills each listing returns more
     */
    default Duration pollInterval() {
        return Duration.ofSeconds(1);
    }

    /**
     * Reads one document with its version.
     *
     * @param key a valid key
     * @return the bytes last written and their version, or {@code null} when the key is absent
     */
    Entry readEntry(String key);

    /**
     * Reads one document without its version, for reads that return none; a backend whose version costs work
     * of its own (a digest of the bytes) skips that work here.
     *
     * @param key a valid key
     * @return the bytes last written, or {@code null} when the key is absent
     */
    default byte[] read(String key) {
        Entry entry = readEntry(key);
        return entry == null ? null : entry.bytes();
    }

    /**
     * Reads several documents, for {@code getBatch} and {@code all}, which hand this method at most
     * {@link #readBatchSize()} keys at a time. Override it (with {@link #readBatchSize()}) when the storage reads
     * many documents in one request, such as a SQL query; the default reads each with {@link #read}.
     *
     * @param keys valid keys, each once
     * @return the documents, in the order of {@code keys}, {@code null} for each absent key
     */
    default List<byte[]> readBatch(List<String> keys) {
        List<byte[]> documents = new ArrayList<>(keys.size());
        keys.forEach(key -> documents.add(read(key)));
        return documents;
    }

    /**
     * How many keys one {@link #readBatch} call takes.
     *
     * @return at least 1; the default, 1, suits a storage that reads one document per request
     */
    default int readBatchSize() {
        return 1;
    }

    /**
     * Reads one document with its expiry, without its version: what a store's {@code get} calls. The default
     * returns {@link #readEntry}'s bytes and expiry when this backend keeps expiry, else {@link #read}'s bytes with
     * no expiry; override it when the expiry costs less to read than the version.
     *
     * @param key a valid key
     * @return the bytes last written and their expiry, or {@code null} when the key is absent. An expired
     *     document is returned as it is: the store, not the backend, judges expiry by its clock
     */
    default Document readDocument(String key) {
        if (keepsExpiry()) {
            Entry entry = readEntry(key);
            return entry == null ? null : new Document(entry.bytes(), entry.expiresAt());
        }
        byte[] bytes = read(key);
        return bytes == null ? null : new Document(bytes, null);
    }

    /**
     * Reads several documents with their expiries, as {@link #readBatch} does without them: what a store's
     * {@code getBatch} and {@code all} call, with at most {@link #readBatchSize()} keys at a time. The default
     * returns {@link #readBatch}'s bytes with no expiry when this backend keeps none, else calls
     * {@link #readDocument} for each key.
     *
     * @param keys valid keys, each once
     * @return the documents, in the order of {@code keys}, {@code null} for each absent key
     */
    default List<Document> readDocuments(List<String> keys) {
        List<Document> documents = new ArrayList<>(keys.size());
        if (keepsExpiry()) {
            keys.forEach(key -> documents.add(readDocument(key)));
        } else {
            readBatch(keys).forEach(bytes -> documents.add(bytes == null ? null : new Document(bytes, null)));
        }
        return documents;
    }

    /**
     * Writes one document atomically if the entry is as expected, as one step against every other writer; the
     * written document does not expire.
     *
     * @param key a valid key
     * @param document the bytes to store; the backend must not change them, nor keep the array
     * @param expected the version the entry must have, or {@code null} if the key must be absent
     * @return the version of the written document, as {@link #readEntry} will report it
     * @throws io.github.statestore.ConflictException if the entry is not as expected; nothing is written. Its
     *     operation is {@link Conflicts#writeOperation}{@code (expected)}
     * @throws io.github.statestore.OutcomeUnknownException if the outcome cannot be known
     */
    String writeIf(String key, byte[] document, String expected);

    /**
     * Deletes one document atomically if it has the expected version.
     *
     * @param key a valid key
     * @param expected the version the entry must have
     * @throws io.github.statestore.ConflictException if the entry is absent or has another version; nothing is
     *     deleted. Its operation is {@code deleteIf}
     * @throws io.github.statestore.OutcomeUnknownException if the outcome cannot be known
     */
    void deleteIf(String key, String expected);

    /**
     * Reads a lease's lock entry. Lock entries live beside the scope's documents but in a namespace of their
     * own: never listed by {@link #keys()}, never deleted by {@link #deleteAll}.
     *
     * @param name a valid lock name
     * @return the entry and its version, or {@code null} when there is none
     */
    Entry readLock(String name);

    /**
     * The names of this scope's lock entries, for {@link io.github.statestore.StateStore#locks()}. Optional:
     * the default says the backend cannot list them.
     *
     * @return the names, in any order, each once
     * @throws io.github.statestore.StateStoreException if this backend cannot list its lock entries
     */
    default List<String> lockNames() {
        throw new io.github.statestore.StateStoreException(getClass().getName() + " cannot list its lock entries");
    }

    /**
     * Writes a lock entry atomically if it is as expected, as {@link #writeIf} does for documents.
     *
     * @param name a valid lock name
     * @param record the entry's bytes
     * @param expected the version the entry must have, or {@code null} if there must be none
     * @return the version of the written entry
     * @throws io.github.statestore.ConflictException if the entry is not as expected; nothing is written
     * @throws io.github.statestore.OutcomeUnknownException if the outcome cannot be known
     */
    String writeLockIf(String name, byte[] record, String expected);

    /**
     * Whether this backend keeps history entries: it overrides {@link #writeHistory}, {@link #historyNames},
     * {@link #readHistory} and {@link #deleteHistory}. A store with a {@link io.github.statestore.HistoryPolicy}
     * on refuses to open over a backend that does not.
     *
     * <p>History entries are a third namespace, beside documents and lock entries: a key's entries are copies of
     * documents the key had, which the store keeps before it overwrites or deletes one (the mechanism, names and
     * retention are the store's, written once above the backends). They are never listed by {@link #keys()} or
     * {@link #lockNames()}, never deleted by {@link #deleteAll}, and out of sight of any other program reading
     * the scope's documents (Alchemy): no extra document in the scope's folder, prefix or listing.
     *
     * @return {@code false} by default
     */
    default boolean keepsHistory() {
        return false;
    }

    /**
     * Writes one history entry of a key, durably and whole (a reader sees all of it or nothing) before it returns:
     * the store writes the document that replaces it only afterwards. An entry of the same name is replaced.
     *
     * @param key a valid key
     * @param name the entry's name, which the store chose: 1 to 255 characters of {@code a-z}, {@code 0-9},
     *     {@code .}, {@code _} and {@code -}, unique among the key's entries; entries of different keys may share
     *     a name
     * @param document the bytes to keep; the backend must not change them, nor keep the array
     * @throws io.github.statestore.StateStoreException if this backend keeps no history (the default)
     */
    default void writeHistory(String key, String name, byte[] document) {
        throw noHistory();
    }

    /**
     * The names of a key's history entries, from one listing: no entry is read.
     *
     * @param key a valid key
     * @return the names, in any order, each once; empty when the key has none
     * @throws io.github.statestore.StateStoreException if this backend keeps no history (the default)
     */
    default List<String> historyNames(String key) {
        throw noHistory();
    }

    /**
     * Reads one history entry of a key.
     *
     * @param key a valid key
     * @param name a name {@link #historyNames} listed
     * @return the entry's bytes, or {@code null} when there is no such entry
     * @throws io.github.statestore.StateStoreException if this backend keeps no history (the default)
     */
    default byte[] readHistory(String key, String name) {
        throw noHistory();
    }

    /**
     * Deletes history entries of a key; absent ones are not an error.
     *
     * @param key a valid key
     * @param names names of the key's entries
     * @throws io.github.statestore.StateStoreException if this backend keeps no history (the default)
     */
    default void deleteHistory(String key, Collection<String> names) {
        throw noHistory();
    }

    private io.github.statestore.StateStoreException noHistory() {
        return new io.github.statestore.StateStoreException(getClass().getName() + " keeps no history: it does "
                + "not override Backend.keepsHistory() and the history methods");
    }

    /**
     * Whether this backend keeps an expiry with a document: its {@link #readEntry} reports
     * {@link Entry#expiresAt()}, and it overrides {@link #write(String, byte[], Instant)},
     * {@link #writeIf(String, byte[], String, Instant)} and {@link #expiries()}, and its plain {@link #write} and
     * {@link #writeIf} leave a document that does not expire. A store refuses a write with a time to live over a
     * backend that does not.
     *
     * <p>The expiry lives outside the document's bytes (object metadata, a column, a file beside it), so that
     * other programs reading the scope (Alchemy) see the same documents. It is written in the same atomic step
     * as the document, or bound to exactly that document's version, so that a reader never sees a document with
     * another write's expiry. The backend never judges expiry: it reports it, and the store, by the clock of the
     * machine that reads, treats an expired document as absent and removes it with {@link #deleteIf}.
     *
     * @return {@code false} by default
     */
    default boolean keepsExpiry() {
        return false;
    }

    /**
     * Writes one document atomically with its expiry, replacing any earlier document and expiry (the last writer
     * wins).
     *
     * @param key a valid key
     * @param document the bytes to store; the backend must not change them, nor keep the array
     * @param expiresAt when it expires, or {@code null} for never: then the same as {@link #write(String, byte[])}
     * @throws io.github.statestore.StateStoreException if {@code expiresAt} is set and this backend keeps no
     *     expiry (the default)
     */
    default void write(String key, byte[] document, Instant expiresAt) {
        if (expiresAt != null) {
            throw noExpiry();
        }
        write(key, document);
    }

    /**
     * Writes one document atomically with its expiry if the entry is as expected, as
     * {@link #writeIf(String, byte[], String)} does.
     *
     * @param key a valid key
     * @param document the bytes to store; the backend must not change them, nor keep the array
     * @param expected the version the entry must have, or {@code null} if the key must be absent
     * @param expiresAt when it expires, or {@code null} for never: then the same as
     *     {@link #writeIf(String, byte[], String)}
     * @return the version of the written document
     * @throws io.github.statestore.ConflictException if the entry is not as expected; nothing is written
     * @throws io.github.statestore.OutcomeUnknownException if the outcome cannot be known
     * @throws io.github.statestore.StateStoreException if {@code expiresAt} is set and this backend keeps no
     *     expiry (the default)
     */
    default String writeIf(String key, byte[] document, String expected, Instant expiresAt) {
        if (expiresAt != null) {
            throw noExpiry();
        }
        return writeIf(key, document, expected);
    }

    /**
     * The scope's keys whose document may carry an expiry, each with an instant no later than that expiry, from
     * one listing where the storage allows (no document read per key): what a store's {@code list}, {@code count},
     * {@code all} and purge start from. It may name keys whose document has no expiry or a later one, or that
     * have no document (a mark left by a write that failed or was replaced): the store reads the document of each
     * key whose instant has passed before it treats the key as expired. It must name every key whose document
     * carries an expiry.
     *
     * @return key to the earliest instant its document may expire at
     * @throws io.github.statestore.StateStoreException if this backend keeps no expiry (the default)
     */
    default Map<String, Instant> expiries() {
        throw noExpiry();
    }

    /**
     * Removes a key's expiry marks of {@link #expiries()} at or before an instant, when the store has found them
     * stale or has removed the expired document they marked. A backend that keeps the expiry in the same place
     * as the document has no marks and does nothing, which is the default.
     *
     * @param key a valid key
     * @param upTo marks at or before this instant go
     */
    default void forgetExpiries(String key, Instant upTo) {
    }

    private io.github.statestore.StateStoreException noExpiry() {
        return new io.github.statestore.StateStoreException(getClass().getName() + " keeps no expiry: it does "
                + "not override Backend.keepsExpiry() and the expiry methods");
    }

    /**
     * Writes one document atomically, replacing any earlier one (the last writer wins); the written document
     * does not expire.
     *
     * @param key a valid key
     * @param document the bytes to store; the backend must not change them, nor keep the array
     */
    void write(String key, byte[] document);

    /**
     * Deletes one document; an absent key is not an error.
     *
     * @param key a valid key
     */
    void delete(String key);

    /**
     * Deletes several documents of this scope, for {@code clear()}; absent keys are not an error. Override it
     * when the storage deletes many at once; a failure names the keys that were not deleted.
     *
     * @param keys valid keys
     */
    default void deleteAll(Collection<String> keys) {
        keys.forEach(this::delete);
    }

    /**
     * How many reads ({@link #readBatch} calls) {@code getBatch} and {@code all} may run at once on this
     * backend.
     *
     * @return at least 1; the default, 1, suits local storage
     */
    default int readConcurrency() {
        return 1;
    }

    /**
     * Where a key's document lives, for messages: a path, an object URL, a table and key.
     *
     * @param key a valid key
     * @return a short human-readable location, never a secret
     */
    String locate(String key);

    /**
     * Where a lock's entry lives, for messages.
     *
     * @param name a valid lock name
     * @return a short human-readable location, never a secret
     */
    String locateLock(String name);

    /** Releases what the backend holds (clients, connections); called once, when its store is closed. */
    @Override
    void close();
}
