package io.github.statestore.contract;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
        StateStore s = config.open(scope);
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
