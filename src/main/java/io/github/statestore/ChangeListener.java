package io.github.statestore;

/**
 * Receives the changes of a watched scope: see {@link StateStore#watch(ChangeListener, WatchOptions)}. A
 * subscription calls its listener from one thread of its own, one event at a time, so a listener need not be
 * thread-safe unless it is shared by several subscriptions.
 */
@FunctionalInterface
public interface ChangeListener {

    /**
     * Called once for each change, in the order the key changed. An exception it throws is logged (slf4j,
     * {@code WARN}) and the subscription goes on with the next event; other subscriptions are not affected.
     * It should return quickly: the next events wait for it, and {@link Subscription#close()} waits for it to
     * return.
     *
     * @param event the change
     */
    void onChange(ChangeEvent event);
}
