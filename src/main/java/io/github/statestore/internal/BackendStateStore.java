package io.github.statestore.internal;

import io.github.statestore.ChangeListener;
import io.github.statestore.CorruptStateException;
import io.github.statestore.HistoryEntry;
import io.github.statestore.HistoryPolicy;
import io.github.statestore.InvalidArgumentException;
import io.github.statestore.InvalidStateException;
import io.github.statestore.Lease;
import io.github.statestore.LockInfo;
import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.StateStoreException;
import io.github.statestore.StoreClosedException;
import io.github.statestore.Subscription;
import io.github.statestore.Version;
import io.github.statestore.VersionNotFoundException;
import io.github.statestore.VersionedState;
import io.github.statestore.WatchOptions;
import io.github.statestore.key.KeyCodec;
import io.github.statestore.spi.Backend;
import io.github.statestore.spi.Document;
import io.github.statestore.spi.Entry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one {@link StateStore} implementation: validates keys, turns states into JSON and back, orders, and
 * runs batch reads with the backend's bounded concurrency; a {@link Backend} only moves bytes. Every operation
 * runs as one {@link Operation}: logged at DEBUG, and reported to the {@link StoreObserver} when one is set.
 * Thread-safe when its backend is.
 */
public final class BackendStateStore implements StateStore {
    private static final Duration MIN_TTL = Duration.ofMillis(1);
    private static final Duration MAX_TTL = Duration.ofDays(36_500);
    /** The clock that sets and judges expiry: this machine's. */
    private static final Clock CLOCK = Clock.systemUTC();
    private final Scope scope;
    private final Backend backend;
    private final ExpiryBackend expiry;
    private final History history;
    private final SecretCodec secrets;
    private final ParallelReads reads;
    private final Leases leases;
    private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile StoreObserver observer;

    /**
     * Creates a store over a backend.
     *
     * @param scope the scope the backend serves
     * @param backend the backend; closed with this store
     * @param secrets how secrets are sealed and opened
     */
    public BackendStateStore(Scope scope, Backend backend, SecretCodec secrets) {
        this(scope, backend, secrets, HistoryPolicy.off());
    }

    /**
     * Creates a store over a backend that keeps history by a policy.
     *
     * @param scope the scope the backend serves
     * @param backend the backend; closed with this store. With {@code history} on, it must keep history entries
     *     ({@link Backend#keepsHistory()}), and every write goes through a {@link HistoryBackend} over it; when it
     *     keeps expiry ({@link Backend#keepsExpiry()}), everything goes through an {@link ExpiryBackend}, by this
     *     machine's clock
     * @param secrets how secrets are sealed and opened
     * @param history the history policy
     */
    public BackendStateStore(Scope scope, Backend backend, SecretCodec secrets, HistoryPolicy history) {
        this.scope = Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(backend, "backend");
        this.history = new History(backend, Objects.requireNonNull(history, "history"));
        this.reads = new ParallelReads(backend.readConcurrency());
        Backend kept = history.enabled() ? new HistoryBackend(backend, this.history) : backend;
        this.expiry = backend.keepsExpiry() ? new ExpiryBackend(kept, CLOCK, reads) : null;
        this.backend = expiry == null ? kept : expiry;
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.leases = new Leases(this, backend);
    }

    /**
     * Reports this store's operations and leases to an observer from now on. Called once, by whoever opened
     * the store, before handing it out.
     *
     * @param observer the observer
     */
    public void observe(StoreObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /** {@return the observer this store reports to, or {@code null}} */
    StoreObserver observer() {
        return observer;
    }

    @Override
    public void init() {
        run("init", null, () -> open().init());
    }

    @Override
    public Scope scope() {
        return scope;
    }

    @Override
    public List<String> list() {
        return observed("list", null, () -> sorted(open().keys()));
    }

    private static List<String> sorted(List<String> keys) {
        List<String> sorted = new ArrayList<>(keys);
        Collections.sort(sorted);
        return Collections.unmodifiableList(sorted);
    }

    @Override
    public int count() {
        return observed("count", null, () -> open().keys().size());
    }

    @Override
    public Optional<State> get(String key) {
        validate(key);
        return observed("get", key, () -> Optional.ofNullable(read(key)));
    }

    @Override
    public Optional<VersionedState> getVersioned(String key) {
        validate(key);
        return observed("getVersioned", key, () -> {
            Entry entry = open().readEntry(key);
            if (entry == null) {
                return Optional.empty();
            }
            Operation.read(entry.bytes());
            return Optional.of(new VersionedState(parse(key, entry.bytes()), Version.of(entry.version())));
        });
    }

    @Override
    public Map<String, State> getBatch(Collection<String> keys) {
        Arguments.notNull(keys, "keys");
        Collection<String> unique = new LinkedHashSet<>(keys);
        unique.forEach(this::validate);
        return observed("getBatch", null, () -> readAll(unique));
    }

    @Override
    public Map<String, State> all() {
        return observed("all", null, () -> {
            Backend b = open();
            return readAll(sorted(expiry == null ? b.keys() : expiry.unfilteredKeys()));
        });
    }

    @Override
    public void set(String key, State state) {
        validate(key);
        Arguments.notNull(state, "state");
        run("set", key, () -> open().write(key, bytes(key, state)));
    }

    @Override
    public Version setIf(String key, State state, Version expected) {
        validate(key);
        Arguments.notNull(state, "state");
        Arguments.notNull(expected, "expected");
        return observed("setIf", key, () -> Version.of(open().writeIf(key, bytes(key, state), expected.token())));
    }

    @Override
    public Version create(String key, State state) {
        validate(key);
        Arguments.notNull(state, "state");
        return observed("create", key, () -> Version.of(open().writeIf(key, bytes(key, state), null)));
    }

    @Override
    public void set(String key, State state, Duration ttl) {
        validate(key);
        Arguments.notNull(state, "state");
        Instant expiresAt = expiresAfter(key, ttl);
        run("set", key, () -> open().write(key, bytes(key, state), expiresAt));
    }

    @Override
    public Version setIf(String key, State state, Version expected, Duration ttl) {
        validate(key);
        Arguments.notNull(state, "state");
        Arguments.notNull(expected, "expected");
        Instant expiresAt = expiresAfter(key, ttl);
        return observed("setIf", key,
                () -> Version.of(open().writeIf(key, bytes(key, state), expected.token(), expiresAt)));
    }

    @Override
    public Version create(String key, State state, Duration ttl) {
        validate(key);
        Arguments.notNull(state, "state");
        Instant expiresAt = expiresAfter(key, ttl);
        return observed("create", key, () -> Version.of(open().writeIf(key, bytes(key, state), null, expiresAt)));
    }

    @Override
    public Optional<Instant> expiresAt(String key) {
        validate(key);
        return observed("expiresAt", key, () -> {
            Document document = expiring().readDocument(key);
            return Optional.ofNullable(document == null ? null : document.expiresAt());
        });
    }

    @Override
    public int purgeExpired() {
        return observed("purgeExpired", null, () -> expiring().purge());
    }

    /**
     * {@return when an entry written now with a time to live expires, rounded up to whole milliseconds}
     *
     * @throws InvalidArgumentException naming {@code ttl} and the key, if the ttl is null or out of range
     */
    private Instant expiresAfter(String key, Duration ttl) {
        if (ttl == null || ttl.compareTo(MIN_TTL) < 0 || ttl.compareTo(MAX_TTL) > 0) {
            throw new InvalidArgumentException("ttl", "must be from 1 ms to 36,500 days, was " + ttl + " for key '"
                    + key + "'");
        }
        expiring();
        Instant exact = CLOCK.instant().plus(ttl);
        Instant millis = Instant.ofEpochMilli(exact.toEpochMilli());
        return millis.isBefore(exact) ? millis.plusMillis(1) : millis;
    }

    /**
     * {@return the backend as its expiry wrapper}
     *
     * @throws StateStoreException if it keeps no expiry
     */
    private ExpiryBackend expiring() {
        open();
        if (expiry == null) {
            throw new StateStoreException("The store of scope " + scope + " cannot expire entries: its backend, "
                    + backend + ", keeps no expiry (" + backend.getClass().getName() + ".keepsExpiry() is false)");
        }
        return expiry;
    }

    @Override
    public State update(String key, int maxAttempts, Function<Optional<State>, State> change) {
        return observed("update", key, () -> new Updater(this, maxAttempts).update(key, change));
    }

    @Override
    public void deleteIf(String key, Version expected) {
        validate(key);
        Arguments.notNull(expected, "expected");
        run("deleteIf", key, () -> open().deleteIf(key, expected.token()));
    }

    @Override
    public Lease lock(String name, Duration ttl, Duration maxWait) {
        open();
        return Operation.run(observer, "lock", scope, backend, name, true, () -> leases.lock(name, ttl, maxWait));
    }

    @Override
    public List<LockInfo> locks() {
        return observed("locks", null, leases::infos);
    }

    @Override
    public void forceUnlock(String name) {
        open();
        Operation.run(observer, "forceUnlock", scope, backend, name, true, () -> {
            leases.forceUnlock(name);
            return null;
        });
    }

    @Override
    public void delete(String key) {
        validate(key);
        run("delete", key, () -> open().delete(key));
    }

    @Override
    public Subscription watch(ChangeListener listener, WatchOptions options) {
        Arguments.notNull(listener, "listener");
        Arguments.notNull(options, "options");
        Backend b = open();
        Watcher watcher = Watcher.start(scope, b, listener, options.pollInterval().orElseGet(this::pollInterval),
                watchers::remove);
        watchers.add(watcher);
        if (closed.get()) {
            watcher.close();
            throw new StoreClosedException(scope);
        }
        return watcher;
    }

    /** The backend's poll interval, held to the range a caller may set. */
    private Duration pollInterval() {
        Duration interval = backend.pollInterval();
        if (interval == null || interval.compareTo(WatchOptions.MIN_POLL_INTERVAL) < 0) {
            return WatchOptions.MIN_POLL_INTERVAL;
        }
        return interval.compareTo(WatchOptions.MAX_POLL_INTERVAL) > 0 ? WatchOptions.MAX_POLL_INTERVAL : interval;
    }

    @Override
    public List<HistoryEntry> history(String key) {
        validate(key);
        return observed("history", key, () -> {
            checkKeepsHistory();
            return history.entries(key);
        });
    }

    @Override
    public Optional<State> getAt(String key, Version version) {
        validate(key);
        Arguments.notNull(version, "version");
        return observed("getAt", key, () -> {
            checkKeepsHistory();
            Entry current = open().readEntry(key);
            byte[] bytes = current != null && current.version().equals(version.token()) ? current.bytes()
                    : history.read(key, version.token());
            Operation.read(bytes);
            return Optional.ofNullable(bytes == null ? null : parse(key, bytes));
        });
    }

    @Override
    public Version restore(String key, Version version) {
        validate(key);
        Arguments.notNull(version, "version");
        return observed("restore", key, () -> {
            byte[] kept = kept(key, version);
            Entry current = open().readEntry(key);
            return Version.of(open().writeIf(key, kept, current == null ? null : current.version()));
        });
    }

    @Override
    public Version restoreIf(String key, Version version, Version expected) {
        validate(key);
        Arguments.notNull(version, "version");
        Arguments.notNull(expected, "expected");
        return observed("restoreIf", key,
                () -> Version.of(open().writeIf(key, kept(key, version), expected.token())));
    }

    /**
     * {@return the bytes of a version the key's history keeps, counted as written by the restore}
     *
     * @throws VersionNotFoundException if none is kept
     */
    private byte[] kept(String key, Version version) {
        checkKeepsHistory();
        if (!history.policy().enabled()) {
            throw new StateStoreException("History is off for the store of scope " + scope + ": a restore keeps "
                    + "the version it replaces, so open the store with a HistoryPolicy (history(...) in its "
                    + "config's builder, or historyVersions or historyFor in its URL)");
        }
        byte[] bytes = history.read(key, version.token());
        if (bytes == null) {
            throw new VersionNotFoundException(key, version);
        }
        Operation.written(bytes);
        return bytes;
    }

    private void checkKeepsHistory() {
        if (!open().keepsHistory()) {
            throw new StateStoreException("The store of scope " + scope + " keeps no history: its backend, "
                    + backend + ", does not (" + backend.getClass().getName() + ".keepsHistory() is false)");
        }
    }

    @Override
    public void clear() {
        run("clear", null, () -> {
            Backend b = open();
            b.deleteAll(b.keys());
        });
    }

    @Override
    public int rotateSecrets(String from, String to) {
        return observed("rotateSecrets", null,
                () -> new SecretRotation(open(), this::parseRaw).rotate(list(), from, to));
    }

    /** {@return the backend under this store, for copies that move documents byte for byte} */
    Backend backend() {
        return open();
    }

    /**
     * Checks that bytes are a document this store reads, without opening its secrets.
     *
     * @throws CorruptStateException naming the key and where it lives, if they are not
     */
    void checkDocument(String key, byte[] bytes) {
        parseRaw(key, bytes);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            List.copyOf(watchers).forEach(Watcher::close);
            reads.close();
            leases.close();
            backend.close();
        }
    }

    @Override
    public String toString() {
        return "StateStore{scope=" + scope + ", backend=" + backend + "}";
    }

    private Map<String, State> readAll(Collection<String> keys) {
        Map<String, State> result = new LinkedHashMap<>();
        for (Map<String, State> batch : reads.map(batches(keys), Operation.carried(this::readBatch))) {
            result.putAll(batch);
        }
        return Collections.unmodifiableMap(result);
    }

    private List<List<String>> batches(Collection<String> keys) {
        int size = backend.readBatchSize();
        List<String> all = List.copyOf(keys);
        List<List<String>> batches = new ArrayList<>((all.size() + size - 1) / size);
        for (int from = 0; from < all.size(); from += size) {
            batches.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return batches;
    }

    private Map<String, State> readBatch(List<String> keys) {
        List<Document> documents = open().readDocuments(keys);
        if (documents.size() != keys.size()) {
            throw new StateStoreException(backend + " returned " + documents.size() + " documents for "
                    + keys.size() + " keys", null, false);
        }
        Map<String, State> states = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            byte[] bytes = documents.get(i) == null ? null : documents.get(i).bytes();
            Operation.read(bytes);
            if (bytes != null) {
                states.put(keys.get(i), parse(keys.get(i), bytes));
            }
        }
        return states;
    }

    private State read(String key) {
        Document document = open().readDocument(key);
        byte[] bytes = document == null ? null : document.bytes();
        Operation.read(bytes);
        return bytes == null ? null : parse(key, bytes);
    }

    private State parse(String key, byte[] bytes) {
        return secrets.open(key, parseRaw(key, bytes));
    }

    private State parseRaw(String key, byte[] bytes) {
        try {
            return State.fromJson(bytes);
        } catch (InvalidStateException e) {
            throw new CorruptStateException(key, backend.locate(key), e.getMessage(), e);
        }
    }

    /** The document of a state about to be written, counted as written. */
    private byte[] bytes(String key, State state) {
        byte[] document = JsonText.writeDocument(key, secrets.seal(key, state).asMap());
        Operation.written(document);
        return document;
    }

    private <T> T observed(String operation, String key, Supplier<T> body) {
        return Operation.run(observer, operation, scope, backend, key, false, body);
    }

    private void run(String operation, String key, Runnable body) {
        Operation.run(observer, operation, scope, backend, key, false, () -> {
            body.run();
            return null;
        });
    }

    private void validate(String key) {
        KeyCodec.validate(key);
        backend.checkKey(key);
    }

    private Backend open() {
        if (closed.get()) {
            throw new StoreClosedException(scope);
        }
        return backend;
    }
}
