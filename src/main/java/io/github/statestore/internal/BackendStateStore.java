package io.github.statestore.internal;

import io.github.statestore.ChangeListener;
import io.github.statestore.CorruptStateException;
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
import io.github.statestore.VersionedState;
import io.github.statestore.WatchOptions;
import io.github.statestore.key.KeyCodec;
import io.github.statestore.spi.Backend;
import io.github.statestore.spi.Entry;
import java.time.Duration;
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

/**
 * The one {@link StateStore} implementation: validates keys, turns states into JSON and back, orders, and
 * runs batch reads with the backend's bounded concurrency; a {@link Backend} only moves bytes. Thread-safe when its backend is.
 */
public final class BackendStateStore implements StateStore {
    private final Scope scope;
    private final Backend backend;
    private final SecretCodec secrets;
    private final ParallelReads reads;
    private final Leases leases;
    private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Creates a store over a backend.
     *
     * @param scope the scope the backend serves
     * @param backend the backend; closed with this store
     * @param secrets how secrets are sealed and opened
     */
    public BackendStateStore(Scope scope, Backend backend, SecretCodec secrets) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.reads = new ParallelReads(backend.readConcurrency());
        this.leases = new Leases(this, backend);
    }

    @Override
    public void init() {
        open().init();
    }

    @Override
    public Scope scope() {
        return scope;
    }

    @Override
    public List<String> list() {
        List<String> keys = new ArrayList<>(open().keys());
        Collections.sort(keys);
        return Collections.unmodifiableList(keys);
    }

    @Override
    public int count() {
        return open().keys().size();
    }

    @Override
    public Optional<State> get(String key) {
        validate(key);
        return Optional.ofNullable(read(key));
    }

    @Override
    public Optional<VersionedState> getVersioned(String key) {
        validate(key);
        Entry entry = open().readEntry(key);
        return entry == null ? Optional.empty()
                : Optional.of(new VersionedState(parse(key, entry.bytes()), Version.of(entry.version())));
    }

    @Override
    public Map<String, State> getBatch(Collection<String> keys) {
        Arguments.notNull(keys, "keys");
        Collection<String> unique = new LinkedHashSet<>(keys);
        unique.forEach(this::validate);
        return readAll(unique);
    }

    @Override
    public Map<String, State> all() {
        return readAll(list());
    }

    @Override
    public void set(String key, State state) {
        validate(key);
        Arguments.notNull(state, "state");
        open().write(key, bytes(key, state));
    }

    @Override
    public Version setIf(String key, State state, Version expected) {
        validate(key);
        Arguments.notNull(state, "state");
        Arguments.notNull(expected, "expected");
        return Version.of(open().writeIf(key, bytes(key, state), expected.token()));
    }

    @Override
    public Version create(String key, State state) {
        validate(key);
        Arguments.notNull(state, "state");
        return Version.of(open().writeIf(key, bytes(key, state), null));
    }

    @Override
    public State update(String key, int maxAttempts, Function<Optional<State>, State> change) {
        return new Updater(this, maxAttempts).update(key, change);
    }

    @Override
    public void deleteIf(String key, Version expected) {
        validate(key);
        Arguments.notNull(expected, "expected");
        open().deleteIf(key, expected.token());
    }

    @Override
    public Lease lock(String name, Duration ttl, Duration maxWait) {
        open();
        return leases.lock(name, ttl, maxWait);
    }

    @Override
    public List<LockInfo> locks() {
        return leases.infos();
    }

    @Override
    public void forceUnlock(String name) {
        open();
        leases.forceUnlock(name);
    }

    @Override
    public void delete(String key) {
        validate(key);
        open().delete(key);
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
    public void clear() {
        Backend b = open();
        b.deleteAll(b.keys());
    }

    @Override
    public int rotateSecrets(String from, String to) {
        return new SecretRotation(open(), this::parseRaw).rotate(list(), from, to);
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
        for (Map<String, State> batch : reads.map(batches(keys), this::readBatch)) {
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
        List<byte[]> documents = open().readBatch(keys);
        if (documents.size() != keys.size()) {
            throw new StateStoreException(backend + " returned " + documents.size() + " documents for "
                    + keys.size() + " keys", null, false);
        }
        Map<String, State> states = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            byte[] bytes = documents.get(i);
            if (bytes != null) {
                states.put(keys.get(i), parse(keys.get(i), bytes));
            }
        }
        return states;
    }

    private State read(String key) {
        byte[] bytes = open().read(key);
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

    private byte[] bytes(String key, State state) {
        return JsonText.writeDocument(key, secrets.seal(key, state).asMap());
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
