package io.github.statestore.internal;

import io.github.statestore.ConflictException;
import io.github.statestore.CorruptStateException;
import io.github.statestore.InvalidConfigException;
import io.github.statestore.Lease;
import io.github.statestore.LeaseOwner;
import io.github.statestore.LockHeldException;
import io.github.statestore.LockInfo;
import io.github.statestore.OutcomeUnknownException;
import io.github.statestore.StateStore;
import io.github.statestore.StateStoreException;
import io.github.statestore.key.KeyCodec;
import io.github.statestore.spi.Backend;
import io.github.statestore.spi.Entry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Takes and breaks a store's locks. A lock entry is taken with a conditional write: created when absent, or
 * replaced (with the fencing token plus one) when released or expired; a write of unknown outcome is settled
 * by reading the entry back, since every acquisition's record is unique. Leases are renewed on one daemon
 * thread per store, started on first use; {@link #close()} releases the leases still held and stops it.
 * Thread-safe.
 */
final class Leases implements AutoCloseable {
    static final Duration MIN_TTL = Duration.ofMillis(100);
    private static final long MAX_POLL_MILLIS = 200;

    private final BackendStateStore store;
    private final Backend backend;
    private final Set<HeldLease> held = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService renewals;

    Leases(BackendStateStore store, Backend backend) {
        this.store = store;
        this.backend = backend;
    }

    Lease lock(String name, Duration ttl, Duration maxWait) {
        KeyCodec.validate(name);
        Arguments.settingNotNull(ttl, "ttl");
        Arguments.settingNotNull(maxWait, "maxWait");
        if (ttl.compareTo(MIN_TTL) < 0) {
            throw new InvalidConfigException("ttl", "a lease's ttl must be at least " + MIN_TTL + ", was " + ttl);
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            Entry entry = backend.readLock(name);
            LeaseRecord current = entry == null ? null : parse(backend, name, entry);
            Instant now = Instant.now();
            if (current == null || current.isFree(now)) {
                LeaseRecord mine = new LeaseRecord(LeaseOwner.current(), current == null ? 1 : current.token() + 1,
                        now, now.plus(ttl), false);
                String version;
                try {
                    version = backend.writeLockIf(name, mine.toJson(), entry == null ? null : entry.version());
                } catch (ConflictException raced) {
                    continue;
                } catch (OutcomeUnknownException unknown) {
                    version = versionIfHeldAs(name, mine);
                    if (version == null) {
                        continue;
                    }
                }
                HeldLease[] lease = new HeldLease[1];
                lease[0] = new HeldLease(store, backend, name, mine, version, ttl, renewals(), store.observer(),
                        () -> held.remove(lease[0]));
                held.add(lease[0]);
                return lease[0];
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new LockHeldException(name, store.scope(), current.owner(), current.expiresAt());
            }
            pause(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, Math.min(MAX_POLL_MILLIS, ttl.toMillis() / 4)));
        }
    }

    List<LockInfo> infos() {
        List<String> names = new ArrayList<>(backend.lockNames());
        Collections.sort(names);
        List<LockInfo> infos = new ArrayList<>();
        for (String name : names) {
            Entry entry = backend.readLock(name);
            if (entry != null) {
                LeaseRecord r = parse(backend, name, entry);
                infos.add(new LockInfo(name, r.owner(), r.token(), r.acquiredAt(), r.expiresAt(), r.released()));
            }
        }
        return List.copyOf(infos);
    }

    void forceUnlock(String name) {
        KeyCodec.validate(name);
        while (true) {
            Entry entry = backend.readLock(name);
            if (entry == null) {
                return;
            }
            LeaseRecord current = parse(backend, name, entry);
            if (current.released()) {
                return;
            }
            try {
                backend.writeLockIf(name, current.releasedAt(Instant.now()).toJson(), entry.version());
                return;
            } catch (ConflictException | OutcomeUnknownException raced) {
                continue;
            }
        }
    }

    /**
     * After a write of unknown outcome: each acquisition's record names a new random owner id, so the entry
     * holding that record means the write was ours; any other entry means it was not, or was undone since.
     *
     * @return the entry's version when it holds our record, else {@code null}
     */
    private String versionIfHeldAs(String name, LeaseRecord mine) {
        Entry entry = backend.readLock(name);
        return entry != null && parse(backend, name, entry).isHeldAs(mine) ? entry.version() : null;
    }

    /**
     * Reads a lock entry.
     *
     * @throws CorruptStateException naming the lock and where its entry lives, if the entry is not one
     */
    static LeaseRecord parse(Backend backend, String name, Entry entry) {
        try {
            return LeaseRecord.fromJson(entry.bytes());
        } catch (IOException e) {
            throw new CorruptStateException(name, backend.locateLock(name), e.getMessage(), e);
        }
    }

    private synchronized ScheduledExecutorService renewals() {
        if (renewals == null) {
            renewals = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "statestore-lease-renewal-" + store.scope());
                t.setDaemon(true);
                return t;
            });
        }
        return renewals;
    }

    private static void pause(long maxMillis) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(Math.max(1, maxMillis / 2), Math.max(2, maxMillis + 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateStoreException("Interrupted while waiting for a lock", e, true);
        }
    }

    /** Releases every lease still held, then stops renewing. */
    @Override
    public void close() {
        List.copyOf(held).forEach(HeldLease::close);
        synchronized (this) {
            if (renewals != null) {
                renewals.shutdownNow();
            }
        }
    }
}
