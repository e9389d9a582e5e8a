package io.github.statestore.internal;

import io.github.statestore.StorageException;
import io.github.statestore.spi.Backend;
import io.github.statestore.spi.Conflicts;
import io.github.statestore.spi.Entry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A backend of plain maps that keeps history, for tests of what the store does above a backend: a hook runs
 * once before the next conditional write (another writer getting there first), and deleting history entries
 * can be made to fail. Every method holds the instance's lock. Thread-safe.
 */
final class MapBackend implements Backend {
    private final boolean keepsHistory;
    private final Map<String, Entry> documents = new TreeMap<>();
    private final Map<String, Entry> locks = new TreeMap<>();
    private final Map<String, Map<String, byte[]>> history = new TreeMap<>();
    private Runnable beforeNextWriteIf;
    private boolean historyDeletesFail;
    private boolean closed;

    /** A backend that keeps history. */
    MapBackend() {
        this(true);
    }

    /** @param keepsHistory what {@link #keepsHistory()} answers */
    MapBackend(boolean keepsHistory) {
        this.keepsHistory = keepsHistory;
    }

    /** Runs {@code hook} once, just before the next conditional write or delete checks its version. */
    synchronized void beforeNextWriteIf(Runnable hook) {
        beforeNextWriteIf = hook;
    }

    /** Makes every later {@link #deleteHistory} fail with a {@link StorageException}. */
    synchronized void failHistoryDeletes() {
        historyDeletesFail = true;
    }

    /** {@return whether {@link #close()} was called} */
    synchronized boolean closed() {
        return closed;
    }

    /** {@return the names of a key's history entries, sorted} */
    synchronized List<String> stored(String key) {
        return new ArrayList<>(history.getOrDefault(key, Map.of()).keySet());
    }

    private void runHook() {
        Runnable hook = beforeNextWriteIf;
        beforeNextWriteIf = null;
        if (hook != null) {
            hook.run();
        }
    }

    @Override
    public void init() {
    }

    @Override
    public synchronized List<String> keys() {
        return new ArrayList<>(documents.keySet());
    }

    @Override
    public synchronized Entry readEntry(String key) {
        Entry e = documents.get(key);
        return e == null ? null : new Entry(e.bytes().clone(), e.version());
    }

    @Override
    public synchronized String writeIf(String key, byte[] document, String expected) {
        runHook();
        Entry current = documents.get(key);
        if (!Objects.equals(current == null ? null : current.version(), expected)) {
            throw Conflicts.of(key, expected, current == null ? null : current.version(),
                    Conflicts.writeOperation(expected));
        }
        Entry next = new Entry(document.clone(), Digests.version(document));
        documents.put(key, next);
        return next.version();
    }

    @Override
    public synchronized void deleteIf(String key, String expected) {
        runHook();
        Entry current = documents.get(key);
        if (current == null || !current.version().equals(expected)) {
            throw Conflicts.of(key, expected, current == null ? null : current.version(), "deleteIf");
        }
        documents.remove(key);
    }

    @Override
    public synchronized void write(String key, byte[] document) {
        documents.put(key, new Entry(document.clone(), Digests.version(document)));
    }

    @Override
    public synchronized void delete(String key) {
        documents.remove(key);
    }

    @Override
    public synchronized Entry readLock(String name) {
        return locks.get(name);
    }

    @Override
    public synchronized String writeLockIf(String name, byte[] record, String expected) {
        Entry current = locks.get(name);
        if (!Objects.equals(current == null ? null : current.version(), expected)) {
            throw Conflicts.of(name, expected, current == null ? null : current.version(), "lock");
        }
        Entry next = new Entry(record.clone(), Digests.version(record));
        locks.put(name, next);
        return next.version();
    }

    @Override
    public boolean keepsHistory() {
        return keepsHistory;
    }

    @Override
    public synchronized void writeHistory(String key, String name, byte[] document) {
        history.computeIfAbsent(key, k -> new HashMap<>()).put(name, document.clone());
    }

    @Override
    public synchronized List<String> historyNames(String key) {
        return stored(key);
    }

    @Override
    public synchronized byte[] readHistory(String key, String name) {
        byte[] bytes = history.getOrDefault(key, Map.of()).get(name);
        return bytes == null ? null : bytes.clone();
    }

    @Override
    public synchronized void deleteHistory(String key, Collection<String> names) {
        if (historyDeletesFail) {
            throw new StorageException("deleteHistory", key, locate(key), new IllegalStateException("refused"),
                    true);
        }
        names.forEach(history.getOrDefault(key, new HashMap<>())::remove);
    }

    @Override
    public String locate(String key) {
        return "map:" + key;
    }

    @Override
    public String locateLock(String name) {
        return "map lock " + name;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "map";
    }
}
