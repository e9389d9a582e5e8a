package io.github.statestore.internal;

import io.github.statestore.HistoryEntry;
import io.github.statestore.HistoryPolicy;
import io.github.statestore.StateStoreException;
import io.github.statestore.spi.Backend;
import io.github.statestore.spi.Entry;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scope's history, over a backend's history entries: lists a key's kept versions, keeps one more, removes
 * what a {@link HistoryPolicy} no longer keeps, and finds a version's bytes. Entries are named by
 * {@link HistoryName}, which holds their facts. Written once for every backend; thread-safe when the backend
 * is.
 */
final class History {
    private static final Logger LOG = LoggerFactory.getLogger(History.class);

    private final Backend backend;
    private final HistoryPolicy policy;

    /**
     * @param backend the scope's backend, which keeps history entries
     * @param policy the bounds and the clock; off for a store that only reads history
     */
    History(Backend backend, HistoryPolicy policy) {
        this.backend = backend;
        this.policy = policy;
    }

    /** {@return the policy that bounds this history} */
    HistoryPolicy policy() {
        return policy;
    }

    /** {@return the kept versions of a key, newest first, as the API lists them} */
    List<HistoryEntry> entries(String key) {
        return names(key).stream().map(HistoryName::entry).toList();
    }

    /**
     * The names of a key's entries, newest first; names this store does not write are left out.
     *
     * @param key the key
     * @return the parsed names
     */
    List<HistoryName> names(String key) {
        List<HistoryName> names = new ArrayList<>();
        for (String name : backend.historyNames(key)) {
            HistoryName parsed = HistoryName.parse(name);
            if (parsed == null) {
                LOG.debug("Skipping history entry '{}' of key {}: not a name this store writes", name, key);
            } else {
                names.add(parsed);
            }
        }
        names.sort(HistoryName.NEWEST_FIRST);
        return names;
    }

    /**
     * Keeps a document that a write or delete is about to replace, before that write happens.
     *
     * @param key the key
     * @param current the document and its version
     * @param deleted whether a delete replaces it
     * @param existing the key's entries, newest first, as listed just before
     * @return the kept entry's name
     */
    HistoryName keep(String key, Entry current, boolean deleted, List<HistoryName> existing) {
        long ordinal = existing.isEmpty() ? 1 : existing.get(0).ordinal() + 1;
        HistoryFacts facts = HistoryFacts.of(current.bytes());
        String nonce = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        HistoryName name = new HistoryName(ordinal, policy.clock().millis(), nonce, deleted, current.bytes().length,
                facts.status(), facts.seq(), current.version());
        backend.writeHistory(key, name.text(), current.bytes());
        return name;
    }

    /**
     * Removes an entry whose write did not happen (it conflicted); a failure is added to {@code cause}.
     *
     * @param key the key
     * @param name the entry {@link #keep} wrote
     * @param cause why the write did not happen
     */
    void discard(String key, HistoryName name, StateStoreException cause) {
        try {
            backend.deleteHistory(key, List.of(name.text()));
        } catch (StateStoreException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * Removes the entries of a key past the policy's bounds, after a write that kept one. A failure is logged,
     * not thrown: the write happened, and the next one prunes again.
     *
     * @param key the key
     * @param existing the key's entries, newest first, as listed before the write
     * @param kept the entry the write kept
     */
    void prune(String key, List<HistoryName> existing, HistoryName kept) {
        List<HistoryName> all = new ArrayList<>(existing.size() + 1);
        all.add(kept);
        all.addAll(existing);
        all.sort(HistoryName.NEWEST_FIRST);
        int versions = policy.keptVersions().orElse(Integer.MAX_VALUE);
        long oldest = policy.keptFor().map(age -> policy.clock().millis() - age.toMillis()).orElse(Long.MIN_VALUE);
        List<String> past = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (i >= versions || all.get(i).millis() < oldest) {
                past.add(all.get(i).text());
            }
        }
        if (past.isEmpty()) {
            return;
        }
        try {
            backend.deleteHistory(key, past);
        } catch (StateStoreException e) {
            LOG.warn("Could not remove {} history entries of key {} past {} at {}; the next write tries again",
                    past.size(), key, policy, backend.locate(key), e);
        }
    }

    /**
     * Reads the newest kept document of a key that had a version.
     *
     * @param key the key
     * @param version the version token
     * @return the bytes, or {@code null} when no entry of that version is kept
     */
    byte[] read(String key, String version) {
        for (HistoryName name : names(key)) {
            if (name.version().equals(version)) {
                byte[] bytes = backend.readHistory(key, name.text());
                if (bytes != null) {
                    return bytes;
                }
            }
        }
        return null;
    }
}
