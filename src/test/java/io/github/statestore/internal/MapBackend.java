package io.github.statestore.internal;

import io.github.statestore.StorageException;
import io.github.statestore.spi.Backend;
import io.github.statestore.spi.Conflicts;
import io.github.statestore.spi.Entry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A backend of plain maps that keeps history and expiry, for tests of what the store does above a backend: a hook
 * runs once before the next conditional write or delete (another writer getting there first), and deleting
 * documents or history entries can be made to fail. Expiries are kept with the documents, and listed through
 * marks kept apart and put before each write with an expiry, as the S3 store keeps them, so that a mark may
 * outlive its document's expiry. Every method holds the instance's lock. Thread-safe.
 */
final class MapBackend implements Backend {
    private final boolean keepsHistory;
    private final Map<String, Entry> documents = new TreeMap<>();
    private final Map<String, Entry> locks = new TreeMap<>();
    private final Map<String, Map<String, byte[]>> history = new TreeMap<>();
    private final Map<String, List<Instant>> marks = new TreeMap<>();
    private Runnable beforeNextWriteIf;
    private boolean historyDeletesFail;
    private boolean deletesFail;
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

    /** Makes every later {@link #deleteIf} fail with a {@link StorageException}, as read-only credentials do. */
    synchronized void failDeletes() {
        deletesFail = true;
    }

    /** {@return a key's expiry marks, in the order they were put} */
    synchronized List<Instant> marks(String key) {
        return List.copyOf(marks.getOrDefault(key, List.of()));
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
        return e == null ? null : new Entry(e.bytes().clone(), e.version(), e.expiresAt());
    }

    @Override
    public synchronized String writeIf(String key, byte[] document, String expected) {
        return writeIf(key, document, expected, null);
    }

    @Override
    public synchronized String writeIf(String key, byte[] document, String expected, Instant expiresAt) {
        runHook();
        mark(key, expiresAt);
        Entry current = documents.get(key);
        if (!Objects.equals(current == null ? null : current.version(), expected)) {
            throw Conflicts.of(key, expected, current == null ? null : current.version(),
                    Conflicts.writeOperation(expected));
        }
        Entry next = entry(document, expiresAt);
        documents.put(key, next);
        return next.version();
    }

    /** An entry whose version tells its expiry too, as the memory store's does. */
    private static Entry entry(byte[] document, Instant expiresAt) {
        return new Entry(document.clone(), Digests.withExpiry(Digests.version(document), expiresAt), expiresAt);
    }

    private void mark(String key, Instant expiresAt) {
        if (expiresAt != null) {
            marks.computeIfAbsent(key, k -> new ArrayList<>()).add(expiresAt);
        }
    }

    @Override
    public synchronized void deleteIf(String key, String expected) {
        runHook();
        if (deletesFail) {
            throw new StorageException("deleteIf", key, locate(key), new IllegalStateException("refused"), false);
        }
        Entry current = documents.get(key);
        if (current == null || !current.version().equals(expected)) {
            throw Conflicts.of(key, expected, current == null ? null : current.version(), "deleteIf");
        }
        documents.remove(key);
    }

    @Override
    public synchronized void write(String key, byte[] document) {
        write(key, document, null);
    }

    @Override
    public synchronized void write(String key, byte[] document, Instant expiresAt) {
        mark(key, expiresAt);
        documents.put(key, entry(document, expiresAt));
    }

    @Override
    public boolean keepsExpiry() {
        return true;
    }

    /** Each marked key's earliest mark, in the keys' order. */
    @Override
    public synchronized Map<String, Instant> expiries() {
        Map<String, Instant> earliest = new TreeMap<>();
        marks.forEach((key, instants) -> earliest.put(key, instants.stream().min(Instant::compareTo).orElseThrow()));
        return earliest;
    }

    @Override
    public synchronized void forgetExpiries(String key, Instant upTo) {
        List<Instant> kept = marks.getOrDefault(key, List.of()).stream().filter(i -> i.isAfter(upTo)).toList();
        if (kept.isEmpty()) {
            marks.remove(key);
        } else {
            marks.put(key, new ArrayList<>(kept));
        }
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
