package io.github.statestore.observation;

import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StateStoreException;
import io.github.statestore.StoreConfig;
import io.github.statestore.internal.Arguments;
import io.github.statestore.internal.BackendStateStore;
import io.github.statestore.spi.ScopeDiscovery;
import io.github.statestore.spi.ScopeListing;
import io.micrometer.observation.ObservationRegistry;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A config whose stores report to an {@link ObservationRegistry}: it opens its delegate's store and sets a
 * {@link MicrometerObserver} on it. Lists scopes as its delegate does. Immutable and thread-safe.
 */
final class ObservedConfig implements StoreConfig, ScopeDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(StoreObservation.class);

    private final StoreConfig config;
    private final ObservationRegistry registry;
    private final String backend;

    ObservedConfig(StoreConfig config, ObservationRegistry registry) {
        this.config = config;
        this.registry = registry;
        this.backend = backendTag(config);
    }

    /** {@return the backend's tag: the config's class name without {@code Config}, in lower case} */
    static String backendTag(StoreConfig config) {
        String name = config.getClass().getSimpleName();
        return (name.endsWith("Config") && name.length() > "Config".length()
                ? name.substring(0, name.length() - "Config".length()) : name).toLowerCase(Locale.ROOT);
    }

    @Override
    public StateStore open(Scope scope) {
        Arguments.notNull(scope, "scope");
        StateStore store = config.open(scope);
        if (store instanceof BackendStateStore backed) {
            backed.observe(new MicrometerObserver(registry, backend, scope));
        } else {
            LOG.warn("The stores of {} are not observed: {} does not open them with BackendStores", config,
                    config.getClass().getName());
        }
        return store;
    }

    @Override
    public ScopeListing openScopeListing() {
        if (config instanceof ScopeDiscovery discovery) {
            return discovery.openScopeListing();
        }
        throw new StateStoreException("The store of " + config + " cannot list its scopes: its config ("
                + config.getClass().getName() + ") does not implement " + ScopeDiscovery.class.getName());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObservedConfig c && c.config.equals(config) && c.registry == registry;
    }

    @Override
    public int hashCode() {
        return Objects.hash(config, System.identityHashCode(registry));
    }

    /** Names the delegate as it names itself, so never a secret. */
    @Override
    public String toString() {
        return "Observed" + config;
    }
}
