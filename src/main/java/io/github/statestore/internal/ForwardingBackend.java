package io.github.statestore.internal;

import io.github.statestore.spi.Backend;
import io.github.statestore.spi.ChangeSignal;
import io.github.statestore.spi.Document;
import io.github.statestore.spi.Entry;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A backend that hands every call to another, for the store's wrappers ({@link HistoryBackend},
 * {@link ExpiryBackend}) to override only what they change. Every method of {@link Backend} is forwarded, the
 * defaults too, so that the backend underneath answers with its own overrides. Thread-safe when the backend is.
 */
abstract class ForwardingBackend implements Backend {
    /** The backend every call goes to. */
    protected final Backend backend;

    /**
     * @param backend the backend every call goes to
     */
    ForwardingBackend(Backend backend) {
        this.backend = backend;
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
    public int readBatchSize() {
        return backend.readBatchSize();
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
    public String writeIf(String key, byte[] document, String expected) {
        return backend.writeIf(key, document, expected);
    }

    @Override
    public void deleteIf(String key, String expected) {
        backend.deleteIf(key, expected);
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
    public boolean keepsExpiry() {
        return backend.keepsExpiry();
    }

    @Override
    public void write(String key, byte[] document, Instant expiresAt) {
        backend.write(key, document, expiresAt);
    }

    @Override
    public String writeIf(String key, byte[] document, String expected, Instant expiresAt) {
        return backend.writeIf(key, document, expected, expiresAt);
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
    public void write(String key, byte[] document) {
        backend.write(key, document);
    }

    @Override
    public void delete(String key) {
        backend.delete(key);
    }

    @Override
    public void deleteAll(Collection<String> keys) {
        backend.deleteAll(keys);
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
