package io.github.statestore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.ConflictException;
import io.github.statestore.FencedException;
import io.github.statestore.InvalidArgumentException;
import io.github.statestore.Lease;
import io.github.statestore.LeaseLossListener;
import io.github.statestore.LeaseOwner;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StorageException;
import io.github.statestore.StoreConfig;
import io.github.statestore.contract.ContractFixture;
import io.github.statestore.spi.Backend;
import io.github.statestore.spi.BackendStores;
import io.github.statestore.spi.Entry;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The causes a {@link LeaseLossListener} is told, each made to happen on the memory backend: another holder's
 * entry written over the lease's, renewals that fail until the lease expires, and a fenced write that finds
 * the lease gone before a renewal does. Each listener is told once, and a failing one keeps no other from it.
 */
class LeaseLossTest {
    private static final Scope SCOPE = Scope.of("app", "dev");
    private static final long PATIENCE_MILLIS = 30_000;

    private final List<LeaseLossListener.Cause> causes = new CopyOnWriteArrayList<>();
    private final CountDownLatch told = new CountDownLatch(1);

    private void listen(Lease lease) {
        lease.onLost((lost, cause) -> {
            causes.add(cause);
            told.countDown();
        });
    }

    @Test
    void anEntryWrittenOverByAnotherHolderIsATakeover() throws Exception {
        try (StateStore store = StoreConfig.memory().open(SCOPE)) {
            Lease lease = store.lock("deploy", Duration.ofSeconds(1));
            listen(lease);
            takeOver(((BackendStateStore) store).backend(), "deploy");
            assertTrue(told.await(PATIENCE_MILLIS, TimeUnit.MILLISECONDS), "the listener was never told");
            assertFalse(lease.isHeld());
            lease.close();
            assertEquals(List.of(LeaseLossListener.Cause.TAKEN_OVER), causes);
        }
    }

    @Test
    void renewalsThatFailUntilTheLeaseExpiresLoseIt() throws Exception {
        AtomicBoolean failing = new AtomicBoolean();
        try (StateStore plain = StoreConfig.memory().open(SCOPE); StateStore store = BackendStores.open(SCOPE,
                failingLockWrites(((BackendStateStore) plain).backend(), failing), null)) {
            Lease lease = store.lock("deploy", Duration.ofMillis(300));
            listen(lease);
            failing.set(true);
            assertTrue(told.await(PATIENCE_MILLIS, TimeUnit.MILLISECONDS), "the listener was never told");
            assertFalse(lease.isHeld());
            lease.close();
            assertEquals(List.of(LeaseLossListener.Cause.EXPIRED), causes);
        }
    }

    @Test
    void aFencedWriteThatFindsTheLeaseGoneTellsTheListenersOnce() throws Exception {
        try (StateStore store = StoreConfig.memory().open(SCOPE)) {
            Lease lease = store.lock("deploy", Duration.ofSeconds(30));
            listen(lease);
            List<LeaseLossListener.Cause> second = new CopyOnWriteArrayList<>();
            lease.onLost((lost, cause) -> second.add(cause));
            lease.onLost((lost, cause) -> {
                throw new IllegalStateException("a listener that fails");
            });
            takeOver(((BackendStateStore) store).backend(), "deploy");
            assertThrows(FencedException.class, () -> lease.set("k", ContractFixture.state("stale")));
            assertTrue(told.await(PATIENCE_MILLIS, TimeUnit.MILLISECONDS), "the listener was never told");
            lease.close();
            assertEquals(List.of(LeaseLossListener.Cause.TAKEN_OVER), causes);
            assertEquals(List.of(LeaseLossListener.Cause.TAKEN_OVER), second, "a failing listener kept another");
        }
    }

    @Test
    void aNullListenerIsRefused() {
        try (StateStore store = StoreConfig.memory().open(SCOPE);
                Lease lease = store.lock("deploy", Duration.ofSeconds(5))) {
            assertThrows(InvalidArgumentException.class, () -> lease.onLost(null));
        }
    }

    /** Writes another holder's acquisition, with the next token, over the lock's entry. */
    private static void takeOver(Backend backend, String name) {
        while (true) {
            Entry entry = backend.readLock(name);
            LeaseRecord current = Leases.parse(backend, name, entry);
            Instant now = Instant.now();
            LeaseRecord theirs = new LeaseRecord(LeaseOwner.current(), current.token() + 1, now,
                    now.plusSeconds(60), false);
            try {
                backend.writeLockIf(name, theirs.toJson(), entry.version());
                return;
            } catch (ConflictException renewedMeanwhile) {
                continue;
            }
        }
    }

    /** A backend that, while {@code failing} is set, fails every lock entry write as unreachable storage does. */
    private static Backend failingLockWrites(Backend backend, AtomicBoolean failing) {
        return (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class},
                (proxy, method, args) -> {
                    if (failing.get() && method.getName().equals("writeLockIf")) {
                        throw new StorageException("writeLockIf", (String) args[0], "memory",
                                new IOException("the storage is unreachable"), true);
                    }
                    try {
                        return method.invoke(backend, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
