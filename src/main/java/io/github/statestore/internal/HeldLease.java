package io.github.statestore.internal;

import io.github.statestore.ConflictException;
import io.github.statestore.FencedException;
import io.github.statestore.Lease;
import io.github.statestore.LeaseLossListener;
import io.github.statestore.LeaseOwner;
import io.github.statestore.OutcomeUnknownException;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.StateStoreException;
import io.github.statestore.Version;
import io.github.statestore.VersionedState;
import io.github.statestore.key.KeyCodec;
import io.github.statestore.spi.Backend;
import io.github.statestore.spi.Entry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lease this process holds: renewed every third of its ttl with a conditional write of its lock entry;
 * lost for good when a renewal finds the entry changed (taken over or broken), when renewals failed until it
 * expired, or when a fenced write finds it gone. Its loss listeners are told once, outside its lock; its
 * observer (if the store has one) follows it from acquisition to release or loss. Thread-safe.
 */
final class HeldLease implements Lease {
    /** The document field a fenced write records its lock and token in. */
    static final String FENCE_FIELD = "@fence";
    private static final Logger LOG = LoggerFactory.getLogger(HeldLease.class);
    private static final int MAX_WRITE_ATTEMPTS = 100;

    private final StateStore store;
    private final Backend backend;
    private final String name;
    private final Duration ttl;
    private final ScheduledFuture<?> renewal;
    private final Runnable onClose;
    private final StoreObserver.Tracker tracker;
    private final List<LeaseLossListener> listeners = new ArrayList<>();
    private LeaseRecord record;
    private String version;
    private LeaseLossListener.Cause lostBecause;
    private boolean closed;

    /**
     * @param observer the store's observer, or {@code null}
     * @param onClose run once when the lease is closed
     */
    HeldLease(StateStore store, Backend backend, String name, LeaseRecord record, String version, Duration ttl,
            ScheduledExecutorService renewals, StoreObserver observer, Runnable onClose) {
        this.onClose = onClose;
        this.store = store;
        this.backend = backend;
        this.name = name;
        this.record = record;
        this.version = version;
        this.ttl = ttl;
        this.tracker = observer == null ? null : observer.lease(name);
        event("acquired");
        long period = Math.max(1, ttl.toMillis() / 3);
        this.renewal = renewals.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public LeaseOwner owner() {
        return record.owner();
    }

    @Override
    public long fencingToken() {
        return record.token();
    }

    @Override
    public synchronized Instant expiresAt() {
        return record.expiresAt();
    }

    @Override
    public synchronized boolean isHeld() {
        return lostBecause == null && !closed && record.expiresAt().isAfter(Instant.now());
    }

    @Override
    public void onLost(LeaseLossListener listener) {
        Arguments.notNull(listener, "listener");
        synchronized (this) {
            if (lostBecause == null) {
                listeners.add(listener);
                return;
            }
        }
        tell(List.of(listener));
    }

    private void renew() {
        List<LeaseLossListener> toTell;
        synchronized (this) {
            if (lostBecause != null || closed) {
                return;
            }
            LeaseLossListener.Cause cause = renewOnce();
            if (cause == null) {
                return;
            }
            toTell = lose(cause);
        }
        tell(toTell);
    }

    /**
     * Renews once. A failure is no loss while the lease has not expired: the next renewal tries again.
     *
     * @return why the lease is lost, or {@code null} while it is held
     */
    private LeaseLossListener.Cause renewOnce() {
        LeaseRecord next = record.renewedUntil(Instant.now().plus(ttl));
        try {
            try {
                version = backend.writeLockIf(name, next.toJson(), version);
                record = next;
                event("renewed");
                LOG.debug("Renewed lock '{}' in scope {} until {}", name, store.scope(), next.expiresAt());
                return null;
            } catch (ConflictException changed) {
                return adoptOurOwnWrite();
            }
        } catch (RuntimeException failure) {
            event("renewal.failed");
            if (record.expiresAt().isAfter(Instant.now())) {
                LOG.warn("Could not renew lock '{}' in scope {} (it expires at {}): {}", name, store.scope(),
                        record.expiresAt(), failure.toString());
                return null;
            }
            LOG.warn("Could not renew lock '{}' in scope {} before it expired at {}: {}", name, store.scope(),
                    record.expiresAt(), failure.toString());
            return LeaseLossListener.Cause.EXPIRED;
        }
    }

    /**
     * Marks the lease lost, while holding its lock.
     *
     * @return the listeners to tell, once the lock is let go
     */
    private List<LeaseLossListener> lose(LeaseLossListener.Cause cause) {
        lostBecause = cause;
        renewal.cancel(false);
        LOG.warn("Lost lock '{}' in scope {}: {}", name, store.scope(), switch (cause) {
            case TAKEN_OVER -> "another holder took it over";
            case BROKEN -> "its entry was released or removed by someone else";
            case EXPIRED -> "it expired before it could be renewed";
        });
        if (tracker != null) {
            tracker.event("lost");
            tracker.stop(cause.name().toLowerCase(Locale.ROOT).replace('_', '-'), null, 0, 0);
        }
        List<LeaseLossListener> toTell = List.copyOf(listeners);
        listeners.clear();
        return toTell;
    }

    /** Tells listeners of the loss, each on its own: one that fails does not keep the others from hearing. */
    private void tell(List<LeaseLossListener> toTell) {
        LeaseLossListener.Cause cause;
        synchronized (this) {
            cause = lostBecause;
        }
        for (LeaseLossListener listener : toTell) {
            try {
                listener.leaseLost(this, cause);
            } catch (RuntimeException e) {
                LOG.warn("A loss listener of lock '{}' in scope {} failed", name, store.scope(), e);
            }
        }
    }

    private void event(String event) {
        if (tracker != null) {
            tracker.event(event);
        }
    }

    /**
     * After a conflict: if the entry still names this acquisition (an earlier write of ours landed although
     * its answer was lost), takes its version and record as ours.
     *
     * @return {@code null} if the lease is still ours, else why it is not
     */
    private LeaseLossListener.Cause adoptOurOwnWrite() {
        Entry entry = backend.readLock(name);
        LeaseRecord current = entry == null ? null : Leases.parse(backend, name, entry);
        if (current == null || !current.isHeldAs(record)) {
            return lossCause(current);
        }
        version = entry.version();
        record = current;
        return null;
    }

    /** Why an entry that no longer records this acquisition is not ours: broken if it is gone or released. */
    private LeaseLossListener.Cause lossCause(LeaseRecord current) {
        return current == null || current.token() == record.token() ? LeaseLossListener.Cause.BROKEN
                : LeaseLossListener.Cause.TAKEN_OVER;
    }

    @Override
    public Version set(String key, State state) {
        KeyCodec.validate(key);
        Arguments.notNull(state, "state");
        checkHeld(key);
        checkStillOurs(key);
        State fenced = state.toBuilder().field(FENCE_FIELD, fence()).build();
        for (int attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
            Optional<VersionedState> current = store.getVersioned(key);
            long theirs = current.map(v -> fenceToken(v.state())).orElse(0L);
            if (theirs > fencingToken()) {
                throw new FencedException(key, name, fencingToken(), "a later holder (token " + theirs
                        + ") wrote this key");
            }
            checkHeld(key);
            try {
                return current.isPresent() ? store.setIf(key, fenced, current.get().version())
                        : store.create(key, fenced);
            } catch (ConflictException raced) {
                continue;
            }
        }
        throw new FencedException(key, name, fencingToken(), "the key kept changing through "
                + MAX_WRITE_ATTEMPTS + " attempts");
    }

    private Map<String, Object> fence() {
        Map<String, Object> fence = new LinkedHashMap<>();
        fence.put("lock", name);
        fence.put("token", fencingToken());
        return fence;
    }

    private long fenceToken(State state) {
        return state.extraFields().get(FENCE_FIELD) instanceof Map<?, ?> fence && name.equals(fence.get("lock"))
                && fence.get("token") instanceof Number token ? token.longValue() : 0L;
    }

    private void checkHeld(String key) {
        if (!isHeld()) {
            throw new FencedException(key, name, fencingToken(), "the lease is no longer held (released, taken "
                    + "over, or expired at " + expiresAt() + ")");
        }
    }

    private void checkStillOurs(String key) {
        Entry entry = backend.readLock(name);
        LeaseRecord current = entry == null ? null : Leases.parse(backend, name, entry);
        if (current == null || !current.isHeldAs(record)) {
            List<LeaseLossListener> toTell;
            synchronized (this) {
                toTell = lostBecause == null && !closed ? lose(lossCause(current)) : List.of();
            }
            tell(toTell);
            throw new FencedException(key, name, fencingToken(), current == null ? "the lock entry is gone"
                    : "the lock is now at token " + current.token() + (current.released() ? ", released" : ""));
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            renewal.cancel(false);
            onClose.run();
            listeners.clear();
            if (lostBecause != null) {
                return;
            }
            String outcome = "released";
            try {
                release();
                LOG.debug("Released lock '{}' in scope {}", name, store.scope());
            } catch (ConflictException takenOver) {
                outcome = "taken-over";
                LOG.warn("Lock '{}' in scope {} was taken over before release", name, store.scope());
            } catch (StateStoreException e) {
                outcome = "release-failed";
                LOG.warn("Could not release lock '{}' in scope {}; it frees itself at {}: {}", name, store.scope(),
                        record.expiresAt(), e.getMessage());
            }
            if (tracker != null) {
                tracker.stop(outcome, null, 0, 0);
            }
        }
    }

    /**
     * Writes the released record. After a conflict or a write of unknown outcome, an entry still held as ours
     * (an earlier renewal landed unseen, or the release did not land) is released at its version; an entry no
     * longer held as ours was taken over, or released by the write of unknown outcome.
     */
    private void release() {
        try {
            backend.writeLockIf(name, record.releasedAt(Instant.now()).toJson(), version);
        } catch (ConflictException | OutcomeUnknownException changed) {
            if (adoptOurOwnWrite() != null) {
                if (changed instanceof ConflictException conflict) {
                    throw conflict;
                }
                return;
            }
            backend.writeLockIf(name, record.releasedAt(Instant.now()).toJson(), version);
        }
    }

    @Override
    public String toString() {
        return "Lease{" + name + " in " + store.scope() + ", token " + fencingToken() + ", " + owner() + "}";
    }
}
