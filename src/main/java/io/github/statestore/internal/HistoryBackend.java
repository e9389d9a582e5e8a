package io.github.statestore.internal;

import io.github.statestore.ConflictException;
import io.github.statestore.Version;
import io.github.statestore.spi.Backend;
import io.github.statestore.spi.Conflicts;
import io.github.statestore.spi.Entry;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
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
final class HistoryBackend extends ForwardingBackend {
    /** How many times a plain write or delete starts over when other writers got there first. */
    static final int MAX_ATTEMPTS = 100;

    private final History history;

    /**
     * @param backend the backend, which keeps history entries
     * @param history the scope's history over it, with the policy on
     */
    HistoryBackend(Backend backend, History history) {
        super(backend);
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
}
