package io.github.statestore.internal;

import io.github.statestore.ConflictException;
import io.github.statestore.FencedException;
import io.github.statestore.LockHeldException;
import io.github.statestore.OutcomeUnknownException;
import io.github.statestore.Scope;
import io.github.statestore.StoreUnavailableException;
import io.github.statestore.ThrottledException;
import io.github.statestore.spi.Backend;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One store operation while it runs, when something watches it: the DEBUG level of the
 * {@value #LOGGER} logger, or a {@link StoreObserver}. It counts the bytes read and written and the retries of
 * the calls made for it, on the caller's thread and on the threads of its parallel reads (it is current there
 * while they run, see {@link #carried}), then reports them with its duration and outcome. Unwatched, an
 * operation is not created at all. Thread-safe.
 */
public final class Operation {
    /** The name of the logger every store operation is logged to, at DEBUG. */
    public static final String LOGGER = "io.github.statestore.operations";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final ThreadLocal<Operation> CURRENT = new ThreadLocal<>();

    private final String name;
    private final Scope scope;
    private final Backend backend;
    private final String key;
    private final boolean lock;
    private final StoreObserver.Tracker tracker;
    private final long startNanos = System.nanoTime();
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong bytesWritten = new AtomicLong();
    private final AtomicInteger retries = new AtomicInteger();

    private Operation(StoreObserver observer, String name, Scope scope, Backend backend, String key, boolean lock) {
        this.name = name;
        this.scope = scope;
        this.backend = backend;
        this.key = key;
        this.lock = lock;
        this.tracker = observer == null ? null : observer.operation(name);
    }

    /**
     * Runs one store operation, watched when an observer is set or DEBUG is on for {@value #LOGGER}, else
     * as it is.
     *
     * @param observer the store's observer, or {@code null}
     * @param name the operation, such as {@code get}
     * @param scope the store's scope
     * @param backend the store's backend, which locates the key for the log
     * @param key the key or lock name the operation is about, or {@code null}
     * @param lock whether {@code key} is a lock's name
     * @param body the operation
     * @param <T> what it returns
     * @return what {@code body} returns
     */
    static <T> T run(StoreObserver observer, String name, Scope scope, Backend backend, String key, boolean lock,
            Supplier<T> body) {
        if (observer == null && !LOG.isDebugEnabled()) {
            return body.get();
        }
        Operation operation = new Operation(observer, name, scope, backend, key, lock);
        Operation outer = CURRENT.get();
        CURRENT.set(operation);
        Throwable failure = null;
        try {
            return body.get();
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            restore(outer);
            operation.end(failure);
        }
    }

    /**
     * A part of the current operation to run on another thread (one read of a {@code getBatch}), so that what
     * it reads and retries counts there too.
     *
     * @param part the part
     * @param <K> its argument
     * @param <T> its result
     * @return {@code part}, or a function that runs it with this thread's operation current
     */
    static <K, T> Function<K, T> carried(Function<K, T> part) {
        Operation operation = CURRENT.get();
        if (operation == null) {
            return part;
        }
        return argument -> {
            Operation outer = CURRENT.get();
            CURRENT.set(operation);
            try {
                return part.apply(argument);
            } finally {
                restore(outer);
            }
        };
    }

    /**
     * Counts a retry of a storage call for the operation current on this thread, if one is.
     *
     * @param throttled whether the storage asked to slow down
     */
    public static void retried(boolean throttled) {
        Operation operation = CURRENT.get();
        if (operation == null) {
            return;
        }
        operation.retries.incrementAndGet();
        if (operation.tracker != null) {
            operation.tracker.event("retry");
            if (throttled) {
                operation.tracker.event("throttled");
            }
        }
    }

    /**
     * Counts bytes read for the operation current on this thread, if one is.
     *
     * @param bytes what was read, or {@code null} for nothing
     */
    static void read(byte[] bytes) {
        Operation operation = CURRENT.get();
        if (operation != null && bytes != null) {
            operation.bytesRead.addAndGet(bytes.length);
        }
    }

    /**
     * Counts bytes written for the operation current on this thread, if one is.
     *
     * @param bytes what was written
     */
    static void written(byte[] bytes) {
        Operation operation = CURRENT.get();
        if (operation != null) {
            operation.bytesWritten.addAndGet(bytes.length);
        }
    }

    /**
     * {@return the outcome tag of an operation that ended with {@code failure}: {@code success} when it is
     * {@code null}, else a word for its kind}
     */
    static String outcome(Throwable failure) {
        if (failure == null) {
            return "success";
        } else if (failure instanceof FencedException) {
            return "fenced";
        } else if (failure instanceof ConflictException) {
            return "conflict";
        } else if (failure instanceof LockHeldException) {
            return "lock-held";
        } else if (failure instanceof ThrottledException) {
            return "throttled";
        } else if (failure instanceof StoreUnavailableException) {
            return "unavailable";
        } else if (failure instanceof OutcomeUnknownException) {
            return "unknown";
        }
        return "error";
    }

    private static void restore(Operation outer) {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }

    private void end(Throwable failure) {
        String outcome = outcome(failure);
        if (tracker != null) {
            tracker.stop(outcome, failure, bytesRead.get(), bytesWritten.get());
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {}: {} in {} ms{}{}{}{}", name, subject(), outcome,
                    String.format(Locale.ROOT, "%.3f", (System.nanoTime() - startNanos) / 1e6),
                    count(bytesRead.get(), " bytes read"), count(bytesWritten.get(), " bytes written"),
                    count(retries.get(), " retries"), failure == null ? "" : " (" + failure + ")");
        }
    }

    private String subject() {
        if (key == null) {
            return "in scope " + scope;
        }
        return Text.quote(key) + " at " + (lock ? backend.locateLock(key) : backend.locate(key));
    }

    private static String count(long n, String what) {
        return n == 0 ? "" : ", " + n + what;
    }
}
