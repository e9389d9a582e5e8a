package io.github.statestore.contract;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.statestore.HistoryPolicy;
import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.spi.ScopeDiscovery;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** What every contract test needs: a fresh space per test, a store on it, and more stores on demand. */
public abstract class ContractFixture {
    private final List<StateStore> opened = new ArrayList<>();
    private StoreConfig config;
    /** The store most tests use, for scope {@code app/dev}. */
    protected StateStore store;

    /**
     * A config for an empty space (a new directory, bucket or prefix), called once per test.
     *
     * @return the config
     */
    protected abstract StoreConfig newConfig();

    @BeforeEach
    void openStore() {
        config = newConfig();
        store = open(Scope.of("app", "dev"));
    }

    @AfterEach
    void closeStores() {
        opened.forEach(StateStore::close);
    }

    /**
     * A config for an empty space whose stores keep history by a policy, for the history tests
     * ({@link HistoryContract}); each call is a new space. Override it when your config takes a
     * {@link HistoryPolicy}.
     *
     * @param policy the history policy
     * @return the config, or {@code null} (the default) when the backend keeps no history: the tests that need
     *     {@link Capability#HISTORY} are then skipped
     */
    protected StoreConfig newConfig(HistoryPolicy policy) {
        return null;
    }

    /**
     * What a program reading the storage directly (Alchemy) finds of a scope's documents, for the tests that
     * history and lock entries stay out of its sight: the names of the {@code .json} files anywhere below the
     * scope's directory (FileSystem), or of every object under the scope's prefix (S3, R2), relative to it with
     * {@code /} between directories.
     *
     * @param config the config whose storage to look at
     * @param scope the scope
     * @return the names, or {@code null} (the default) when the backend's storage is not Alchemy's layout
     */
    protected List<String> rawDocumentNames(StoreConfig config, Scope scope) throws Exception {
        return null;
    }

    /** {@return the config of this test's space, which every store of the test was opened from} */
    protected StoreConfig config() {
        return config;
    }

    /**
     * What the backend under test can do; a test needing a capability not listed is skipped with the reason.
     * Override it to declare a capability your backend lacks.
     *
     * @return the capabilities: by default every one, but {@link Capability#SCOPE_DISCOVERY} only when the
     *     config implements {@link ScopeDiscovery}
     */
    protected Set<Capability> capabilities() {
        Set<Capability> all = EnumSet.allOf(Capability.class);
        if (!(config instanceof ScopeDiscovery)) {
            all.remove(Capability.SCOPE_DISCOVERY);
        }
        return all;
    }

    /**
     * Skips the calling test, naming the reason, when the backend lacks {@code capability}.
     *
     * @param capability what the test needs
     */
    protected void requires(Capability capability) {
        assumeTrue(capabilities().contains(capability), () -> getClass().getSimpleName() + " declares no "
                + capability + " (" + capability.meaning() + "), which this test needs");
    }

    /**
     * Opens another store on the same space, closed after the test: a separate instance with its own backend
     * (its own client on S3 and R2) sharing the storage; on the FileSystem, stores of one JVM also share the
     * in-JVM half of the scope lock.
     *
     * @param scope the scope
     * @return the store
     */
    protected StateStore open(Scope scope) {
        return open(config, scope);
    }

    /**
     * Opens a store of another config, closed after the test.
     *
     * @param other the config, such as one of {@link #newConfig(HistoryPolicy)}
     * @param scope the scope
     * @return the store
     */
    protected StateStore open(StoreConfig other, Scope scope) {
        StateStore s = other.open(scope);
        opened.add(s);
        return s;
    }

    /**
     * A small state whose props name {@code id}.
     *
     * @param id the resource id
     * @return the state
     */
    public static State state(String id) {
        return State.builder().status(State.Status.CREATED).kind("test::Thing").id(id).fqn("app/dev/" + id)
                .props(Map.of("name", id)).build();
    }
}
