package io.github.statestore;

/**
 * A running watch of a scope, from {@link StateStore#watch(ChangeListener, WatchOptions)}. Thread-safe.
 */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    /**
     * Stops the watch. Once it returns, the listener is never called again: an event being delivered when it
     * is called is first let finish (unless the listener itself calls {@code close()}). Idempotent; closing
     * the store closes its subscriptions.
     */
    @Override
    void close();
}
