package io.github.statestore.internal;

import io.github.statestore.ConflictException;
import io.github.statestore.StateStoreException;
import io.github.statestore.spi.Backend;
import io.github.statestore.spi.Document;
import io.github.statestore.spi.Entry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A backend whose expired documents are absent: what a store over a backend that keeps expiry reads and writes
 * through, so that every read path (a store's, an {@code update}'s, a copy's, a watch's) treats them alike.
 * Expiry is judged by this machine's clock: a document whose expiry is at or before now is expired. Reads that
 * meet an expired document remove it, best effort, with a compare-and-set delete against the version read (so
 * that a write that replaced it meanwhile stays), then drop its expiry marks; a failure to remove is logged at
 * DEBUG and the read still answers. A create over an expired document removes it first. Everything else goes to
 * the backend as it is. Thread-safe when the backend is.
 */
final class ExpiryBackend extends ForwardingBackend {
    /**
     * How long after its instant a mark that names no expired document is kept: a write puts its mark before its
     * document, so a mark younger than this may belong to a write still in flight.
     */
    static final Duration STALE_MARK_AGE = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(ExpiryBackend.class);
    /** How many times a create over an expired document removes it and tries again. */
    private static final int CREATE_ATTEMPTS = 10;

    private final Clock clock;
    private final ParallelReads reads;

    /**
     * @param backend the backend, which keeps expiry ({@link Backend#keepsExpiry()})
     * @param clock the clock that judges expiry
     * @param reads the store's read threads, which list the expiries beside the keys
     */
    ExpiryBackend(Backend backend, Clock clock, ParallelReads reads) {
        super(backend);
        this.clock = clock;
        this.reads = reads;
    }

    /** {@return whether an expiry has passed by this machine's clock} */
    private boolean expired(Instant expiresAt) {
        return expiresAt != null && !clock.instant().isBefore(expiresAt);
    }

    /**
     * Removes every expired document of the scope, and marks past {@link #STALE_MARK_AGE} that name none.
     *
     * @return how many documents this call removed
     */
    int purge() {
        return expiredKeys(backend.expiries(), true).size();
    }

    /**
     * The keys whose document has expired, each confirmed by reading it; each is removed on the way.
     *
     * @param marks the backend's {@link Backend#expiries()}
     * @param count whether to return only the keys this call removed (else every expired key found)
     */
    private Set<String> expiredKeys(Map<String, Instant> marks, boolean count) {
        Set<String> expired = new HashSet<>();
        Instant now = clock.instant();
        for (Map.Entry<String, Instant> mark : marks.entrySet()) {
            if (now.isBefore(mark.getValue())) {
                continue;
            }
            String key = mark.getKey();
            Entry entry = backend.readEntry(key);
            if (entry != null && expired(entry.expiresAt())) {
                if (remove(key, entry) || !count) {
                    expired.add(key);
                }
            } else {
                forgetStale(key, now);
            }
        }
        return expired;
    }

    /** {@return whether this call removed the expired document} */
    private boolean remove(String key, Entry expired) {
        try {
            backend.deleteIf(key, expired.version());
            backend.forgetExpiries(key, expired.expiresAt());
            LOG.debug("Removed {}: expired at {}", backend.locate(key), expired.expiresAt());
            return true;
        } catch (ConflictException replaced) {
            return false;
        } catch (StateStoreException e) {
            LOG.debug("Could not remove {}, expired at {}: {}", backend.locate(key), expired.expiresAt(),
                    e.getMessage());
            return false;
        }
    }

    private void forgetStale(String key, Instant now) {
        try {
            backend.forgetExpiries(key, now.minus(STALE_MARK_AGE));
        } catch (StateStoreException e) {
            LOG.debug("Could not drop stale expiry marks of {}: {}", backend.locate(key), e.getMessage());
        }
    }

    /** {@return the entry, or {@code null} when it is absent or expired (and then removed)} */
    private Entry live(String key, Entry entry) {
        if (entry == null || !expired(entry.expiresAt())) {
            return entry;
        }
        remove(key, entry);
        return null;
    }

    /** {@return the document, or {@code null} when it is absent or expired (and then removed)} */
    private Document live(String key, Document document) {
        if (document == null || !expired(document.expiresAt())) {
            return document;
        }
        live(key, backend.readEntry(key));
        return null;
    }

    /**
     * {@return the backend's keys, expired documents' too} For {@code all()}, whose reads report each
     * document's expiry: one listing of expiries fewer (on S3 one request, on JDBC one query).
     */
    List<String> unfilteredKeys() {
        return backend.keys();
    }

    /** The keys, and the expiries listed beside them (at once where the backend reads in parallel). */
    @Override
    public List<String> keys() {
        ParallelReads.Both<List<String>, Map<String, Instant>> listed = reads.both(backend::keys, backend::expiries);
        List<String> keys = listed.first();
        Set<String> expired = expiredKeys(listed.second(), false);
        if (!expired.isEmpty()) {
            keys = new ArrayList<>(keys);
            keys.removeAll(expired);
        }
        return keys;
    }

    @Override
    public Map<String, String> versions() {
        ParallelReads.Both<Map<String, String>, Map<String, Instant>> listed =
                reads.both(backend::versions, backend::expiries);
        Map<String, String> versions = new HashMap<>(listed.first());
        versions.keySet().removeAll(expiredKeys(listed.second(), false));
        return versions;
    }

    @Override
    public Entry readEntry(String key) {
        return live(key, backend.readEntry(key));
    }

    @Override
    public Document readDocument(String key) {
        return live(key, backend.readDocument(key));
    }

    @Override
    public byte[] read(String key) {
        Document document = readDocument(key);
        return document == null ? null : document.bytes();
    }

    @Override
    public List<Document> readDocuments(List<String> keys) {
        List<Document> documents = new ArrayList<>(backend.readDocuments(keys));
        for (int i = 0; i < documents.size() && i < keys.size(); i++) {
            documents.set(i, live(keys.get(i), documents.get(i)));
        }
        return documents;
    }

    @Override
    public List<byte[]> readBatch(List<String> keys) {
        List<byte[]> bytes = new ArrayList<>(keys.size());
        readDocuments(keys).forEach(document -> bytes.add(document == null ? null : document.bytes()));
        return bytes;
    }

    @Override
    public String writeIf(String key, byte[] document, String expected) {
        return writeIf(key, document, expected, null);
    }

    /** A create (expected absent) over an expired document removes it and tries again. */
    @Override
    public String writeIf(String key, byte[] document, String expected, Instant expiresAt) {
        for (int attempt = 1; ; attempt++) {
            try {
                return backend.writeIf(key, document, expected, expiresAt);
            } catch (ConflictException conflict) {
                Entry current = expected == null && attempt < CREATE_ATTEMPTS ? backend.readEntry(key) : null;
                if (current == null || !expired(current.expiresAt())) {
                    throw conflict;
                }
                remove(key, current);
            }
        }
    }

    @Override
    public boolean keepsExpiry() {
        return true;
    }
}
