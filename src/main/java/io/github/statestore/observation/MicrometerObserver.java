package io.github.statestore.observation;

import io.github.statestore.Scope;
import io.github.statestore.internal.StoreObserver;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * One store's observer on Micrometer's Observation API: an observation {@value #OPERATION} per operation,
 * current on its thread while it runs, and one {@value #LEASE} per lease, from acquisition to release or loss;
 * the names and tags are listed in {@code docs/observability.md}. The only class that touches Micrometer's
 * types besides {@link StoreObservation}, and loaded only through it. Thread-safe.
 */
final class MicrometerObserver implements StoreObserver {
    static final String OPERATION = "statestore.operation";
    static final String LEASE = "statestore.lease";

    private final ObservationRegistry registry;
    private final KeyValues tags;

    /**
     * @param backend the backend's tag, such as {@code s3}
     * @param scope the store's scope
     */
    MicrometerObserver(ObservationRegistry registry, String backend, Scope scope) {
        this.registry = registry;
        this.tags = KeyValues.of("backend", backend, "scope", scope.toString());
    }

    @Override
    public Tracker operation(String operation) {
        Observation observation = Observation.createNotStarted(OPERATION, registry)
                .contextualName("statestore " + operation)
                .lowCardinalityKeyValues(tags)
                .lowCardinalityKeyValue("operation", operation)
                .start();
        return new Tracked(observation, observation.openScope());
    }

    @Override
    public Tracker lease(String name) {
        Observation observation = Observation.createNotStarted(LEASE, registry)
                .contextualName("statestore lease")
                .lowCardinalityKeyValues(tags)
                .highCardinalityKeyValue("lock", name)
                .start();
        return new Tracked(observation, null);
    }

    /** A started observation, and the scope it is current in: an operation's, none for a lease. */
    private record Tracked(Observation observation, Observation.Scope scope) implements Tracker {
        @Override
        public void event(String name) {
            observation.event(Observation.Event.of(name));
        }

        @Override
        public void stop(String outcome, Throwable error, long bytesRead, long bytesWritten) {
            if (error != null) {
                observation.error(error);
            }
            observation.lowCardinalityKeyValue("outcome", outcome);
            if (scope != null) {
                observation.highCardinalityKeyValue("bytes.read", Long.toString(bytesRead));
                observation.highCardinalityKeyValue("bytes.written", Long.toString(bytesWritten));
                scope.close();
            }
            observation.stop();
        }
    }
}
