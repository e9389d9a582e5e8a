package io.github.statestore.memory;

import io.github.statestore.HistoryPolicy;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.internal.Arguments;
import io.github.statestore.internal.Builders;
import io.github.statestore.spi.BackendStores;
import io.github.statestore.spi.Entry;
import io.github.statestore.spi.ScopeDiscovery;
import io.github.statestore.spi.ScopeListing;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The in-memory backend: the reference semantics, for tests. Each config is its own space: stores opened
 * from one config (for any scopes) share its entries until the JVM exits; stores of another config see
 * nothing of them.
 *
 * <p>So a memory config is not a value: it holds its space's entries, and two configs are two spaces even
 * with the same password and history policy. {@link #equals} is therefore identity (the one of {@link Object}): a config equals
 * only itself, as its stores share entries only with stores of the same object. The password is reported
 * only as {@link #hasPassword()} and never shown by {@link #toString()}. Thread-safe: the entries are held
 * in concurrent maps, and the password never changes.
 */
public final class MemoryConfig implements StoreConfig, ScopeDiscovery {
    private final ConcurrentMap<Scope, ConcurrentMap<String, Entry>> scopes = new ConcurrentHashMap<>();
    private final ConcurrentMap<Scope, ConcurrentMap<String, Entry>> locks = new ConcurrentHashMap<>();
    private final ConcurrentMap<Scope, ConcurrentMap<String, ConcurrentMap<String, byte[]>>> history =
            new ConcurrentHashMap<>();
    private final ConcurrentMap<Scope, ScopeChanges> changes = new ConcurrentHashMap<>();

    private final String password;
    private final HistoryPolicy historyPolicy;

    /** Creates an empty space; its stores take a password from the environment, if one is set there. */
    public MemoryConfig() {
        this(null);
    }

    /**
     * Creates an empty space whose stores encrypt secrets with a password.
     *
     * @param password the password, or {@code null} to take one from the environment
     * @throws io.github.statestore.InvalidConfigException if empty
     */
    public MemoryConfig(String password) {
        this(password, HistoryPolicy.off());
    }

    /**
     * Creates an empty space whose stores encrypt secrets with a password and keep history by a policy.
     *
     * @param password the password, or {@code null} to take one from the environment
     * @param history the history policy
     * @throws io.github.statestore.InvalidConfigException if the password is empty, or naming {@code history} if
     *     the policy is null
     */
    public MemoryConfig(String password, HistoryPolicy history) {
        this.password = password == null ? null : Builders.password(password);
        this.historyPolicy = Builders.history(history);
    }

    /**
     * Lists the scopes of this space that hold an entry, and the scopes above them.
     *
     * @return the listing
     */
    @Override
    public ScopeListing openScopeListing() {
        return new ScopeListing() {
            @Override
            public List<String> childNames(Scope parent) {
                int depth = parent == null ? 0 : parent.names().size();
                Set<String> names = new LinkedHashSet<>();
                scopes.forEach((scope, entries) -> {
                    List<String> path = scope.names();
                    if (!entries.isEmpty() && path.size() > depth
                            && (parent == null || path.subList(0, depth).equals(parent.names()))) {
                        names.add(path.get(depth));
                    }
                });
                return List.copyOf(names);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public StateStore open(Scope scope) {
        Arguments.notNull(scope, "scope");
        return BackendStores.open(scope,
                new MemoryBackend(scope, scopes.computeIfAbsent(scope, s -> new ConcurrentHashMap<>()),
                        locks.computeIfAbsent(scope, s -> new ConcurrentHashMap<>()),
                        history.computeIfAbsent(scope, s -> new ConcurrentHashMap<>()),
                        changes.computeIfAbsent(scope, s -> new ScopeChanges())),
                password, historyPolicy);
    }

    /**
     * {@return whether a password was set on this config} Without one, a store takes
     * {@code STATESTORE_PASSWORD}, else {@code ALCHEMY_PASSWORD}, from the environment when it is opened. The
     * password itself is never returned.
     */
    public boolean hasPassword() {
        return password != null;
    }

    /** {@return whether and how long this space's stores keep the versions their writes replace} */
    public HistoryPolicy history() {
        return historyPolicy;
    }

    /** Names this space by its identity, and the password only as set or none. */
    @Override
    public String toString() {
        return "MemoryConfig@" + Integer.toHexString(System.identityHashCode(this)) + "{password="
                + (password == null ? "none" : "set") + (historyPolicy.enabled() ? ", history=" + historyPolicy : "")
                + "}";
    }
}
