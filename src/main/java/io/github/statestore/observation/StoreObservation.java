package io.github.statestore.observation;

import io.github.statestore.StoreConfig;
import io.github.statestore.internal.Arguments;
import io.micrometer.observation.ObservationRegistry;

/**
 * Metrics and traces of stores through Micrometer's Observation API: wrap a config, and every store opened
 * from it reports each operation, retry and lease to the registry, which Micrometer bridges to Prometheus,
 * OpenTelemetry and the rest.
 *
 * <pre>{@code
 * StoreConfig config = StoreObservation.observe(StoreConfig.fromEnv(), registry);
 * try (StateStore store = StateStores.open(config, Scope.of("my-app", "dev"))) {
 *     store.get("api");
 * }
 * }</pre>
 *
 * <p>Micrometer is an optional dependency: add {@code io.micrometer:micrometer-observation} to use this class.
 * Without it, and without this class, the library runs as it is and observes nothing. The observations, their
 * tags and the meters they make are listed in {@code docs/observability.md}: one {@code statestore.operation}
 * per operation, tagged with {@code backend}, {@code scope}, {@code operation} and {@code outcome} (never a key
 * or a secret), with events for retries and throttling and the bytes read and written; one
 * {@code statestore.lease} per lease, from acquisition to release or loss, with an event per renewal.
 *
 * <p>Stateless and thread-safe.
 */
public final class StoreObservation {
    private StoreObservation() {
    }

    /**
     * Wraps a config so that the stores it opens report to a registry. The wrapper opens stores and lists
     * scopes as {@code config} does. A config whose stores are not built by
     * {@link io.github.statestore.spi.BackendStores} (every backend of this library and of the SPI is) opens
     * them unobserved, with a warning.
     *
     * @param config the config to observe
     * @param registry where observations go; {@link ObservationRegistry#NOOP} observes nothing
     * @return a config opening observed stores
     * @throws io.github.statestore.InvalidArgumentException if an argument is null
     */
    @SuppressWarnings("exports") // A caller has Micrometer: it built the registry.
    public static StoreConfig observe(StoreConfig config, ObservationRegistry registry) {
        return new ObservedConfig(Arguments.notNull(config, "config"), Arguments.notNull(registry, "registry"));
    }
}
