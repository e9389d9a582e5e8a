package io.github.statestore.fs;

import static io.github.statestore.contract.StateStoreContract.state;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.StateStore;
import io.github.statestore.StateStoreException;
import io.github.statestore.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves what a writer process stopped in the middle of a write, holding the scope's lock, does to the others:
 * their writes fail after the bound with an error naming the lock file and the bound, instead of hanging; an
 * interrupt while waiting is retryable; its temp file is never removed while it lives, so it finishes its
 * write when it resumes; and once it is killed, the next write takes the lock and removes its temp file.
 */
@Timeout(120)
class FileSystemStoppedWriterIT {
    private static final Duration BOUND = Duration.ofMillis(500);

    @TempDir
    Path dir;
    private Path root;
    private Path scopeDir;

    @BeforeEach
    void paths() {
        root = dir.resolve(".alchemy");
        scopeDir = root.resolve("stopped/writer");
    }

    @Test
    void othersFailAfterTheBoundAndTheStoppedWriterFinishesWhenItResumes() throws Exception {
        try (ChildJvm writer = ChildJvm.start(StoppedWriter.class, root.toString());
                StateStore store = TestStores.open(root, StoppedWriter.SCOPE, BOUND, true)) {
            writer.awaitReady();
            List<String> stoppedWritersTemp = tempFiles();
            assertEquals(1, stoppedWritersTemp.size(), "the stopped writer's temp file");

            long start = System.nanoTime();
            StorageException e = assertThrows(StorageException.class, () -> store.set("k", state("mine")));
            long waited = System.nanoTime() - start;
            assertTrue(e.getMessage().contains("could not take the scope's write lock "
                    + scopeDir.resolve(ScopeLock.FILE_NAME) + " within 500 ms: another process holds it; is it "
                    + "stopped in the middle of a write?"), e.getMessage());
            assertTrue(waited >= BOUND.toNanos(), "failed before the bound: " + waited + " ns");
            assertThrows(StorageException.class, () -> store.delete("k"));
            assertEquals(Optional.empty(), store.get("k"), "reads take no lock");

            Thread.currentThread().interrupt();
            StateStoreException interrupted = assertThrows(StateStoreException.class,
                    () -> store.set("k", state("mine")));
            assertTrue(Thread.interrupted(), "the interrupt flag stays set");
            assertTrue(interrupted.retryable(), interrupted.getMessage());
            assertFalse(interrupted instanceof StorageException, interrupted.getMessage());
            assertTrue(interrupted.getMessage().contains(scopeDir.resolve(ScopeLock.FILE_NAME).toString()),
                    interrupted.getMessage());

            assertEquals(stoppedWritersTemp, tempFiles(), "no waiting writer removed the live writer's temp file");
            writer.send("go");
            assertEquals(List.of(StoppedWriter.RENAMED), writer.awaitExit());
            assertArrayEquals(StoppedWriter.document(), Files.readAllBytes(scopeDir.resolve(StoppedWriter.FILE)));

            store.set("k", state("mine"));
            assertEquals(state("mine"), store.get("k").orElseThrow());
            assertEquals(List.of(), tempFiles());
        }
    }

    @Test
    void aKilledWritersLockIsReleasedAndItsTempFileRemovedByTheNextWrite() throws Exception {
        try (ChildJvm writer = ChildJvm.start(StoppedWriter.class, root.toString());
                StateStore store = TestStores.open(root, StoppedWriter.SCOPE, BOUND, true)) {
            writer.awaitReady();
            assertEquals(1, tempFiles().size(), "the writer's temp file");
            writer.kill();
            store.set("k", state("mine"));
            assertEquals(state("mine"), store.get("k").orElseThrow());
            assertEquals(List.of(), tempFiles());
        }
    }

    private List<String> tempFiles() throws IOException {
        try (Stream<Path> entries = Files.list(scopeDir)) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(name -> AtomicFiles.TEMP_NAME.matcher(name).matches()).sorted().toList();
        }
    }
}
