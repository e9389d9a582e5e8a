package io.github.statestore.internal;

import io.github.statestore.ConflictException;
import io.github.statestore.Version;
import io.github.statestore.spi.Backend;
import io.github.statestore.spi.ChangeSignal;
import io.github.statestore.spi.Conflicts;
import io.github.statestore.spi.Document;
import io.github.statestore.spi.Entry;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A backend whose overwrites and deletes keep the document they replace in the key's {@link History} first:
 * what a store with a {@link io.github.statestore.HistoryPolicy} on writes through, so that every write (a
 * store's, an {@code update}'s, a lease's, a copy's, a secret rotation's) keeps history the same way. Each
 * replacing write reads the current document, then lists the key's history (in this order, so that the entry
 * it keeps is numbered after every entry kept for good before it), keeps the document, writes or deletes with
 * compare-and-set against its version, and prunes past the policy's bounds; when another writer got there
 * first, the entry just kept is removed again and a plain {@link #write} or {@link #delete} starts over. The
 * document's own write stays one atomic write of the backend, with its expiry. Everything else goes to the backend
 * as it is. Thread-safe when the backend is.
 */
final class HistoryBackend implements Backend {
    /** How many times a plain write or delete starts over when other writers got there first. */
    static final int MAX_ATTEMPTS = 100;

    private final Backend backend;
    private final History history;

    /**
     * @param backend the backend, which keeps history entries
     * @param history the scope's history over it, with the policy on
     */
    HistoryBackend(Backend backend, History history) {
        this.backend = backend;
        this.history = history;
    }

    @Override
    public void write(String key, byte[] document) {
        write(key, document, null);
    }

    @Override
    public void write(String key, byte[] document, Instant expiresAt) {
        for (int attempt = 1; ; attempt++) {
            Entry current = backend.readEntry(key);
            try {
                if (current == null) {
                    backend.writeIf(key, document, null, expiresAt);
                } else {
                    replace(key, current, false,
                            () -> backend.writeIf(key, document, current.version(), expiresAt));
                }
                return;
            } catch (ConflictException raced) {
                retryOrThrow(key, attempt, "set", current, raced);
            }
        }
    }

    @Override
    public String writeIf(String key, byte[] document, String expected) {
        return writeIf(key, document, expected, null);
    }

    @Override
    public String writeIf(String key, byte[] document, String expected, Instant expiresAt) {
        if (expected == null) {
            return backend.writeIf(key, document, null, expiresAt);
        }
        Entry current = expect(key, expected, "setIf");
        return replace(key, current, false, () -> backend.writeIf(key, document, expected, expiresAt));
    }

    @Override
    public void delete(String key) {
        for (int attempt = 1; ; attempt++) {
            Entry current = backend.readEntry(key);
            if (current == null) {
                return;
            }
            try {
                deleteReplacing(key, current);
                return;
            } catch (ConflictException raced) {
                retryOrThrow(key, attempt, "delete", current, raced);
            }
        }
    }

    @Override
    public void deleteIf(String key, String expected) {
        deleteReplacing(key, expect(key, expected, "deleteIf"));
    }

    private void deleteReplacing(String key, Entry current) {
        replace(key, current, true, () -> {
            backend.deleteIf(key, current.version());
            return null;
        });
    }

    /** Deletes each key as {@link #delete} does, keeping each document. */
    @Override
    public void deleteAll(Collection<String> keys) {
        keys.forEach(this::delete);
    }

    /**
     * {@return the key's current document}
     *
     * @throws ConflictException if it does not have the expected version
     */
    private Entry expect(String key, String expected, String operation) {
        Entry current = backend.readEntry(key);
        if (current == null || !current.version().equals(expected)) {
            throw Conflicts.of(key, expected, current == null ? null : current.version(), operation);
        }
        return current;
    }

    /**
     * Keeps the key's current document, then runs the write, which expects that document's version; removes the
     * kept entry again if the write conflicts, and prunes after it succeeds.
     */
    private <T> T replace(String key, Entry current, boolean deleted, Supplier<T> write) {
        List<HistoryName> existing = history.names(key);
        HistoryName kept = history.keep(key, current, deleted, existing);
        T result;
        try {
            result = write.get();
        } catch (ConflictException raced) {
            history.discard(key, kept, raced);
            throw raced;
        }
        history.prune(key, existing, kept);
        return result;
    }

    /**
     * Pauses before the next attempt, or gives up after {@link #MAX_ATTEMPTS}.
     *
     * @param current what the last attempt expected, {@code null} when it expected the key absent
     */
    private static void retryOrThrow(String key, int attempt, String operation, Entry current,
            ConflictException raced) {
        if (attempt >= MAX_ATTEMPTS) {
            throw new ConflictException(key, current == null ? null : Version.of(current.version()),
                    raced.getCurrentVersion(), operation + " with history (after " + attempt + " attempts)");
        }
        Updater.pause(attempt);
    }

    @Override
    public void init() {
        backend.init();
    }

    @Override
    public void checkKey(String key) {
        backend.checkKey(key);
    }

    @Override
    public List<String> keys() {
        return backend.keys();
    }

    @Override
    public Map<String, String> versions() {
        return backend.versions();
    }

    @Override
    public ChangeSignal changeSignal() {
        return backend.changeSignal();
    }

    @Override
    public Duration pollInterval() {
        return backend.pollInterval();
    }

    @Override
    public Entry readEntry(String key) {
        return backend.readEntry(key);
    }

    @Override
    public byte[] read(String key) {
        return backend.read(key);
    }

    @Override
    public List<byte[]> readBatch(List<String> keys) {
        return backend.readBatch(keys);
    }

    @Override
    public Document readDocument(String key) {
        return backend.readDocument(key);
    }

    @Override
    public List<Document> readDocuments(List<String> keys) {
        return backend.readDocuments(keys);
    }

    @Override
    public boolean keepsExpiry() {
        return backend.keepsExpiry();
    }

    @Override
    public Map<String, Instant> expiries() {
        return backend.expiries();
    }

    @Override
    public void forgetExpiries(String key, Instant upTo) {
        backend.forgetExpiries(key, upTo);
    }

    @Override
    public int readBatchSize() {
        return backend.readBatchSize();
    }

    @Override
    public Entry readLock(String name) {
        return backend.readLock(name);
    }

    @Override
    public List<String> lockNames() {
        return backend.lockNames();
    }

    @Override
    public String writeLockIf(String name, byte[] record, String expected) {
        return backend.writeLockIf(name, record, expected);
    }

    @Override
    public boolean keepsHistory() {
        return backend.keepsHistory();
    }

    @Override
    public void writeHistory(String key, String name, byte[] document) {
        backend.writeHistory(key, name, document);
    }

    @Override
    public List<String> historyNames(String key) {
        return backend.historyNames(key);
    }

    @Override
    public byte[] readHistory(String key, String name) {
        return backend.readHistory(key, name);
    }

    @Override
    public void deleteHistory(String key, Collection<String> names) {
        backend.deleteHistory(key, names);
    }

    @Override
    public int readConcurrency() {
        return backend.readConcurrency();
    }

    @Override
    public String locate(String key) {
        return backend.locate(key);
    }

    @Override
    public String locateLock(String name) {
        return backend.locateLock(name);
    }

    @Override
    public void close() {
        backend.close();
    }

    @Override
    public String toString() {
        return backend.toString();
    }
}
