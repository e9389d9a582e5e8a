package io.github.statestore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.ChangeEvent;
import io.github.statestore.ChangeEvent.Type;
import io.github.statestore.Scope;
import io.github.statestore.StorageException;
import io.github.statestore.Version;
import io.github.statestore.contract.Await;
import io.github.statestore.contract.ChangeLog;
import io.github.statestore.spi.Backend;
import io.github.statestore.spi.ChangeSignal;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The watch's own rules, over a backend whose looks the test scripts. */
class WatcherTest {
    private static final Scope SCOPE = Scope.of("app", "dev");
    private static final Duration QUICK = Duration.ofMillis(10);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final AtomicReference<Map<String, String>> looks = new AtomicReference<>(Map.of());
    private final AtomicBoolean failing = new AtomicBoolean();

    @Test
    void aFailedFirstLookFailsTheWatchAtOnce() {
        failing.set(true);
        assertThrows(StorageException.class, () -> Watcher.start(SCOPE, backend(), new ChangeLog(), QUICK, w -> { }));
    }

    @Test
    void failedLooksAreRetriedAndTheChangesMeanwhileReportedOnce() throws Exception {
        ChangeLog log = new ChangeLog();
        try (Watcher watcher = Watcher.start(SCOPE, backend(), log, QUICK, w -> { })) {
            failing.set(true);
            looks.set(Map.of("a", "1"));
            looks.set(Map.of("a", "2"));
            failing.set(false);
            log.await("a created", PATIENCE, ChangeLog.is(Type.CREATED, "a", Version.of("2")));
            looks.set(Map.of());
            log.await("a deleted", PATIENCE, ChangeLog.is(Type.DELETED, "a", Version.of("2")));
            assertEquals(2, log.events().size(), log.events().toString());
        }
    }

    @Test
    void closeWaitsForTheEventBeingDeliveredAndTellsItsOwnerOnce() throws Exception {
        CountDownLatch inListener = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean listenerReturned = new AtomicBoolean();
        AtomicInteger closedTold = new AtomicInteger();
        Watcher watcher = Watcher.start(SCOPE, backend(), e -> {
            inListener.countDown();
            awaitQuietly(release);
            listenerReturned.set(true);
        }, QUICK, w -> closedTold.incrementAndGet());
        looks.set(Map.of("a", "1"));
        inListener.await();
        Thread closer = new Thread(watcher::close);
        closer.start();
        Await.until("close to wait for the listener", PATIENCE, () -> closer.getState() == Thread.State.WAITING);
        assertTrue(closer.isAlive(), "close returned while the listener ran");
        release.countDown();
        closer.join();
        assertTrue(listenerReturned.get(), "close returned before the listener");
        watcher.close();
        assertEquals(1, closedTold.get());
    }

    @Test
    void theWatchThreadIsADaemonAndEndsOnClose() throws Exception {
        CompletableFuture<Thread> delivering = new CompletableFuture<>();
        Watcher watcher = Watcher.start(SCOPE, backend(), e -> delivering.complete(Thread.currentThread()), QUICK,
                w -> { });
        looks.set(Map.of("a", "1"));
        Thread thread = delivering.get();
        assertTrue(thread.isDaemon());
        watcher.close();
        thread.join(PATIENCE.toMillis());
        assertEquals(Thread.State.TERMINATED, thread.getState());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new AssertionError("the listener was interrupted", e);
        }
    }

    /** A backend whose {@code versions()} answers what {@link #looks} holds, or fails while {@link #failing}. */
    private Backend backend() {
        InvocationHandler answers = (proxy, method, args) -> switch (method.getName()) {
            case "versions" -> {
                if (failing.get()) {
                    throw new StorageException("watch", null, "scripted", null, true);
                }
                yield looks.get();
            }
            case "changeSignal" -> ChangeSignal.none();
            case "toString" -> "scripted backend";
            default -> throw new UnsupportedOperationException(method.getName());
        };
        return (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class},
                answers);
    }
}
