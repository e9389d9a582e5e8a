/**
 * Metrics and traces of stores through Micrometer's Observation API, an optional dependency: see
 * {@link io.github.statestore.observation.StoreObservation}. Nothing else in the library needs Micrometer,
 * and nothing here is loaded unless an application uses it.
 */
package io.github.statestore.observation;
