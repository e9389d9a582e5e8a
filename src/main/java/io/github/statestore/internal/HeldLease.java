package io.github.statestore.internal;

import io.github.statestore.ConflictException;
import io.github.statestore.FencedException;
import io.github.statestore.Lease;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lease this process holds: renewed every third of its ttl with a conditional write of its lock entry;
 * lost for good when a renewal finds the entry changed. Thread-safe.
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
    private LeaseRecord record;
    private String version;
    private boolean lost;
    private boolean closed;

    HeldLease(StateStore store, Backend backend, String name, LeaseRecord record, String version, Duration ttl,
            ScheduledExecutorService renewals, Runnable onClose) {
        this.onClose = onClose;
        this.store = store;
        this.backend = backend;
        this.name = name;
        this.record = record;
        this.version = version;
        this.ttl = ttl;
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
        return !lost && !closed && record.expiresAt().isAfter(Instant.now());
    }

    private void renew() {
        synchronized (this) {
            if (lost || closed) {
                return;
            }
            LeaseRecord next = record.renewedUntil(Instant.now().plus(ttl));
            try {
                version = backend.writeLockIf(name, next.toJson(), version);
                record = next;
            } catch (ConflictException changed) {
                if (!adoptOurOwnWrite()) {
                    lost = true;
                    renewal.cancel(false);
                    LOG.warn("Lost lock '{}' in scope {}: another holder took it over", name, store.scope());
                }
            } catch (RuntimeException failure) {
                LOG.warn("Could not renew lock '{}' in scope {} (it expires at {}): {}", name, store.scope(),
                        record.expiresAt(), failure.toString());
            }
        }
    }

    /**
     * After a conflict: if the entry still names this acquisition (an earlier write of ours landed although
     * its answer was lost), takes its version and record as ours.
     *
     * @return whether the lease is still ours
     */
    private boolean adoptOurOwnWrite() {
        Entry entry = backend.readLock(name);
        LeaseRecord current = entry == null ? null : Leases.parse(backend, name, entry);
        if (current == null || !current.isHeldAs(record)) {
            return false;
        }
        version = entry.version();
        record = current;
        return true;
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
            synchronized (this) {
                lost = true;
            }
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
            if (lost) {
                return;
            }
            try {
                release();
            } catch (ConflictException takenOver) {
                LOG.warn("Lock '{}' in scope {} was taken over before release", name, store.scope());
            } catch (StateStoreException e) {
                LOG.warn("Could not release lock '{}' in scope {}; it frees itself at {}: {}", name, store.scope(),
                        record.expiresAt(), e.getMessage());
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
            if (!adoptOurOwnWrite()) {
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
