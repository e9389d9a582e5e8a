package io.github.statestore.internal;

import io.github.statestore.ChangeEvent;
import io.github.statestore.ChangeListener;
import io.github.statestore.Scope;
import io.github.statestore.StateStoreException;
import io.github.statestore.Subscription;
import io.github.statestore.spi.Backend;
import io.github.statestore.spi.ChangeSignal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One watch of a scope, the same on every backend: a daemon thread that waits for the backend's
 * {@link ChangeSignal} or the poll interval, asks {@link Backend#versions()}, and delivers what changed since
 * its last look ({@link VersionDiff}). Deliveries hold a lock that {@link #close()} takes once it has marked
 * the watch closed, so no event is delivered after close returns. Only the waiting is ever interrupted,
 * never a backend call or the listener. Thread-safe.
 */
final class Watcher implements Subscription {
    private static final Logger LOG = LoggerFactory.getLogger(Watcher.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Scope scope;
    private final Backend backend;
    private final ChangeListener listener;
    private final Duration interval;
    private final ChangeSignal signal;
    private final Consumer<Watcher> onClose;
    private final ReentrantLock delivering = new ReentrantLock();
    private final Object waiting = new Object();
    private final Thread thread;
    private volatile boolean closed;
    private boolean asleep;
    private Map<String, String> seen;
    private int failedLooks;

    private Watcher(Scope scope, Backend backend, ChangeListener listener, Duration interval, ChangeSignal signal,
            Consumer<Watcher> onClose) {
        this.scope = scope;
        this.backend = backend;
        this.listener = listener;
        this.interval = interval;
        this.signal = signal;
        this.onClose = onClose;
        this.thread = new Thread(this::run, "statestore-watch-" + THREADS.incrementAndGet() + " " + scope);
        thread.setDaemon(true);
    }

    /**
     * Takes the first look at the scope, in the caller's thread, and starts watching.
     *
     * @param onClose told once when the watch is closed
     * @return the running watch
     * @throws StateStoreException if the first look fails
     */
    static Watcher start(Scope scope, Backend backend, ChangeListener listener, Duration interval,
            Consumer<Watcher> onClose) {
        ChangeSignal signal = backend.changeSignal();
        Watcher watcher = new Watcher(scope, backend, listener, interval, signal, onClose);
        try {
            watcher.seen = Map.copyOf(backend.versions());
        } catch (RuntimeException e) {
            signal.close();
            throw e;
        }
        watcher.thread.start();
        return watcher;
    }

    private void run() {
        try {
            while (awaitChange()) {
                look();
            }
        } finally {
            signal.close();
        }
    }

    /** Waits for the signal or the interval; {@code false} once the watch is closed. */
    private boolean awaitChange() {
        synchronized (waiting) {
            if (closed) {
                return false;
            }
            asleep = true;
        }
        try {
            signal.await(interval);
        } catch (InterruptedException stopped) {
            return false;
        } finally {
            synchronized (waiting) {
                asleep = false;
                Thread.interrupted();
            }
        }
        return !closed;
    }

    private void look() {
        Map<String, String> now;
        try {
            now = Map.copyOf(backend.versions());
        } catch (RuntimeException e) {
            failed(e);
            return;
        }
        if (failedLooks > 0) {
            LOG.info("Watching {}: looking at the scope works again after {} failed looks", scope, failedLooks);
            failedLooks = 0;
        }
        List<ChangeEvent> events = VersionDiff.between(seen, now);
        seen = now;
        events.forEach(this::deliver);
    }

    private void failed(RuntimeException e) {
        if (closed) {
            return;
        }
        if (failedLooks++ == 0) {
            LOG.warn("Watching {}: looking at the scope failed; trying again every {}", scope, interval, e);
        } else {
            LOG.debug("Watching {}: look {} in a row failed", scope, failedLooks, e);
        }
    }

    private void deliver(ChangeEvent event) {
        delivering.lock();
        try {
            if (!closed) {
                listener.onChange(event);
            }
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            LOG.warn("Watching {}: the listener {} threw on {}; going on with the next event", scope, listener,
                    event, e);
        } finally {
            delivering.unlock();
        }
    }

    @Override
    public void close() {
        synchronized (waiting) {
            if (closed) {
                return;
            }
            closed = true;
            if (asleep) {
                thread.interrupt();
            }
        }
        delivering.lock();
        delivering.unlock();
        onClose.accept(this);
    }

    @Override
    public String toString() {
        return "Subscription{scope=" + scope + ", pollInterval=" + interval + ", backend=" + backend + "}";
    }
}
