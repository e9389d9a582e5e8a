package io.github.statestore.memory;

import io.github.statestore.Scope;
import io.github.statestore.internal.Digests;
import io.github.statestore.spi.Backend;
import io.github.statestore.spi.ChangeSignal;
import io.github.statestore.spi.Conflicts;
import io.github.statestore.spi.Document;
import io.github.statestore.spi.Entry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One scope's view of a {@link MemoryConfig}'s space. Documents are stored as the same JSON bytes the other
 * backends write, so values are copied in and out and callers can never change what is stored; conditional
 * writes are atomic map operations. An expiry is kept in the entry, and in its version. History entries are kept in
 * a map per key, beside the scope's documents.
 * Every change of a document wakes the scope's watches at once
 * ({@link ScopeChanges}). Thread-safe.
 */
final class MemoryBackend implements Backend {
    private final Scope scope;
    private final ConcurrentMap<String, Entry> entries;
    private final ConcurrentMap<String, Entry> locks;
    private final ConcurrentMap<String, ConcurrentMap<String, byte[]>> history;
    private final ScopeChanges changes;

    MemoryBackend(Scope scope, ConcurrentMap<String, Entry> entries, ConcurrentMap<String, Entry> locks,
            ConcurrentMap<String, ConcurrentMap<String, byte[]>> history, ScopeChanges changes) {
        this.scope = scope;
        this.entries = entries;
        this.locks = locks;
        this.history = history;
        this.changes = changes;
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
    public Map<String, String> versions() {
        Map<String, String> versions = new HashMap<>();
        entries.forEach((key, entry) -> versions.put(key, entry.version()));
        return versions;
    }

    @Override
    public ChangeSignal changeSignal() {
        return changes.signal();
    }

    @Override
    public Entry readEntry(String key) {
        Entry entry = entries.get(key);
        return entry == null ? null : new Entry(entry.bytes().clone(), entry.version(), entry.expiresAt());
    }

    @Override
    public Document readDocument(String key) {
        Entry entry = entries.get(key);
        return entry == null ? null : new Document(entry.bytes().clone(), entry.expiresAt());
    }

    @Override
    public void write(String key, byte[] document) {
        write(key, document, null);
    }

    @Override
    public void write(String key, byte[] document, Instant expiresAt) {
        entries.put(key, entry(document, expiresAt));
        changes.changed();
    }

    @Override
    public String writeIf(String key, byte[] document, String expected) {
        return writeIf(key, document, expected, null);
    }

    @Override
    public String writeIf(String key, byte[] document, String expected, Instant expiresAt) {
        String version = writeIf(entries, key, entry(document, expiresAt), expected,
                Conflicts.writeOperation(expected));
        changes.changed();
        return version;
    }

    @Override
    public boolean keepsExpiry() {
        return true;
    }

    @Override
    public Map<String, Instant> expiries() {
        Map<String, Instant> expiries = new HashMap<>();
        entries.forEach((key, entry) -> {
            if (entry.expiresAt() != null) {
                expiries.put(key, entry.expiresAt());
            }
        });
        return expiries;
    }

    @Override
    public List<String> lockNames() {
        return new ArrayList<>(locks.keySet());
    }

    @Override
    public Entry readLock(String name) {
        return locks.get(name);
    }

    @Override
    public String writeLockIf(String name, byte[] record, String expected) {
        return writeIf(locks, name, entry(record, null), expected, "lock");
    }

    private static String writeIf(ConcurrentMap<String, Entry> map, String key, Entry next, String expected,
            String operation) {
        Entry[] found = new Entry[1];
        map.compute(key, (k, current) -> {
            found[0] = current;
            boolean matches = expected == null ? current == null
                    : current != null && current.version().equals(expected);
            return matches ? next : current;
        });
        if (found[0] == null ? expected != null : !found[0].version().equals(expected)) {
            throw Conflicts.of(key, expected, version(found[0]), operation);
        }
        return next.version();
    }

    @Override
    public boolean keepsHistory() {
        return true;
    }

    /** Adds the entry to the key's map, made and dropped atomically with it ({@link ConcurrentMap#compute}). */
    @Override
    public void writeHistory(String key, String name, byte[] document) {
        byte[] copy = document.clone();
        history.compute(key, (k, kept) -> {
            ConcurrentMap<String, byte[]> names = kept == null ? new ConcurrentHashMap<>() : kept;
            names.put(name, copy);
            return names;
        });
    }

    @Override
    public List<String> historyNames(String key) {
        Map<String, byte[]> kept = history.get(key);
        return kept == null ? List.of() : new ArrayList<>(kept.keySet());
    }

    @Override
    public byte[] readHistory(String key, String name) {
        Map<String, byte[]> kept = history.get(key);
        byte[] bytes = kept == null ? null : kept.get(name);
        return bytes == null ? null : bytes.clone();
    }

    @Override
    public void deleteHistory(String key, Collection<String> names) {
        history.computeIfPresent(key, (k, kept) -> {
            names.forEach(kept::remove);
            return kept.isEmpty() ? null : kept;
        });
    }

    @Override
    public void delete(String key) {
        if (entries.remove(key) != null) {
            changes.changed();
        }
    }

    @Override
    public void deleteIf(String key, String expected) {
        Entry current = entries.get(key);
        if (current == null || !current.version().equals(expected) || !entries.remove(key, current)) {
            throw Conflicts.of(key, expected, version(entries.get(key)), "deleteIf");
        }
        changes.changed();
    }


    private static String version(Entry entry) {
        return entry == null ? null : entry.version();
    }

    /** An entry whose version tells its expiry too, so that a compare-and-set never mistakes one for another. */
    private static Entry entry(byte[] document, Instant expiresAt) {
        byte[] copy = document.clone();
        return new Entry(copy, Digests.withExpiry(Digests.version(copy), expiresAt), expiresAt);
    }

    @Override
    public String locate(String key) {
        return "memory:" + scope + "/" + key;
    }

    @Override
    public String locateLock(String name) {
        return "memory:" + scope + " lock " + name;
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
