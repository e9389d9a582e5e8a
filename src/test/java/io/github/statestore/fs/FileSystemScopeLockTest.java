package io.github.statestore.fs;

import static io.github.statestore.contract.StateStoreContract.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StateStoreException;
import io.github.statestore.StorageException;
import io.github.statestore.StoreConfig;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the in-JVM half of the scope lock: a writer waits for another thread of this JVM at most the bound
 * (one bound for the whole acquisition), then fails naming the lock file and the bound; an interrupt while it
 * waits is a retryable {@link StateStoreException} that keeps the interrupt flag; the waiter removes no temp
 * file of the live writer; and stores reaching one directory through a link and through its real path share
 * the lock. The other-process half is proven by {@link FileSystemStoppedWriterIT}.
 */
@Timeout(60)
class FileSystemScopeLockTest {
    private static final Scope SCOPE = Scope.of("app", "dev");
    private static final Duration BOUND = Duration.ofMillis(300);

    @TempDir
    Path dir;
    private Path root;
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private CompletableFuture<Void> holder;

    @BeforeEach
    void paths() {
        root = dir.resolve(".alchemy");
    }

    @AfterEach
    void releaseTheHolder() throws Exception {
        release.countDown();
        if (holder != null) {
            holder.get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Starts a thread that takes {@code lock}, writes a temp file as a writer does, and holds both until
     * {@link #release}; then it renames the temp file to {@code k.json}, finishing its write.
     */
    private void hold(ScopeLock lock) throws InterruptedException {
        AtomicFiles files = new AtomicFiles(true);
        holder = CompletableFuture.runAsync(() -> {
            try {
                lock.run(opened -> {
                    String tmp = files.writeTemp(opened, state("holder's").toJsonBytes());
                    held.countDown();
                    awaitRelease();
                    opened.rename(tmp, "k.json");
                    return null;
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertTrue(held.await(30, TimeUnit.SECONDS), "the holder took the lock");
    }

    private void awaitRelease() throws InterruptedIOException {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the holder was interrupted");
        }
    }

    @Test
    void aWriterWaitsForAnotherThreadAtMostTheBoundAndRemovesNothingOfIt() throws Exception {
        hold(TestStores.lock(root, SCOPE, ScopeLock.MAX_WAIT));
        List<String> holdersTemp = tempFiles();
        assertEquals(1, holdersTemp.size());
        try (StateStore store = TestStores.open(root, SCOPE, BOUND, true)) {
            long start = System.nanoTime();
            StorageException e = assertThrows(StorageException.class, () -> store.set("k", state("mine")));
            assertTrue(System.nanoTime() - start >= BOUND.toNanos(), "failed before the bound");
            assertTrue(e.getMessage().contains("could not take the scope's write lock "
                    + root.resolve("app/dev").resolve(ScopeLock.FILE_NAME) + " within 300 ms: another thread of "
                    + "this JVM holds it"), e.getMessage());
            assertEquals(holdersTemp, tempFiles(), "the waiting writer removed no temp file of the live one");

            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
            assertEquals(state("holder's"), store.get("k").orElseThrow(), "the holder finished its write");
            store.set("k", state("mine"));
            assertEquals(state("mine"), store.get("k").orElseThrow());
            assertEquals(List.of(), tempFiles());
        }
    }

    @Test
    void anInterruptWhileWaitingIsRetryableAndKeepsTheFlag() throws Exception {
        hold(TestStores.lock(root, SCOPE, ScopeLock.MAX_WAIT));
        try (StateStore store = TestStores.open(root, SCOPE, ScopeLock.MAX_WAIT, true)) {
            Thread.currentThread().interrupt();
            StateStoreException e = assertThrows(StateStoreException.class, () -> store.set("k", state("mine")));
            assertTrue(Thread.interrupted(), "the interrupt flag stays set");
            assertTrue(e.retryable(), e.getMessage());
            assertFalse(e instanceof StorageException, e.getMessage());
            assertEquals("Interrupted while waiting for the scope's write lock "
                    + root.resolve("app/dev").resolve(ScopeLock.FILE_NAME), e.getMessage());
        }
    }

    @Test
    void storesReachingOneDirectoryThroughALinkAndItsRealPathShareTheLock() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        AtomicFiles files = new AtomicFiles(true);
        hold(new ScopeLock(new ScopeDirectory(link, link.resolve("app/dev"), files, true), files,
                ScopeLock.MAX_WAIT));
        try (StateStore viaRealPath = TestStores.open(real, SCOPE, BOUND, true);
                StateStore viaLink = StoreConfig.fileSystem(link).open(SCOPE)) {
            StorageException e = assertThrows(StorageException.class, () -> viaRealPath.set("j", state("j")));
            assertTrue(e.getMessage().contains("another thread of this JVM holds it"), e.getMessage());
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
            viaRealPath.set("j", state("j"));
            assertEquals(state("j"), viaLink.get("j").orElseThrow());
        }
    }

    @Test
    void theBoundIsDescribedInSecondsOrMilliseconds() {
        assertEquals("30 s", ScopeLock.describe(Duration.ofSeconds(30)));
        assertEquals("300 ms", ScopeLock.describe(BOUND));
    }

    private List<String> tempFiles() throws IOException {
        try (Stream<Path> entries = Files.list(root.resolve("app/dev"))) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(name -> AtomicFiles.TEMP_NAME.matcher(name).matches()).sorted().toList();
        }
    }
}
