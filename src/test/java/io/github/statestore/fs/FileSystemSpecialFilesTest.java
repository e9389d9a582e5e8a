package io.github.statestore.fs;

import static io.github.statestore.contract.StateStoreContract.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.statestore.CorruptStateException;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StorageException;
import io.github.statestore.key.NameStyle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves that a FIFO named like a document, a key file or the lock file is reported, never opened: opening a
 * FIFO for reading waits for a writer, so a store that opened one would hang. The timeout runs the test in a
 * thread of its own, so a hang fails it instead of blocking the suite.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FileSystemSpecialFilesTest {
    private static final Scope SCOPE = Scope.of("app", "dev");

    @TempDir
    Path dir;
    private Path scopeDir;
    private StateStore store;

    private StateStore open(boolean secure) throws IOException {
        Path root = dir.resolve(".alchemy");
        scopeDir = root.resolve("app/dev");
        store = TestStores.open(root, SCOPE, Duration.ofSeconds(5), secure);
        store.set("good", state("good"));
        return store;
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** Makes a FIFO with {@code mkfifo}; skips the test, saying why, where there is none (Windows). */
    private static Path mkfifo(Path path) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        } catch (IOException noMkfifo) {
            assumeTrue(false, "mkfifo is not available here (" + noMkfifo.getMessage() + ")");
            throw noMkfifo;
        }
        assertTrue(process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0, "mkfifo " + path);
        return path;
    }

    @ParameterizedTest(name = "secure directory stream: {0}")
    @ValueSource(booleans = {true, false})
    void aFifoNamedLikeADocumentIsCorruptAndNeverOpened(boolean secure) throws Exception {
        open(secure);
        Path fifo = mkfifo(scopeDir.resolve("k.json"));
        for (Executable read : List.<Executable>of(() -> store.get("k"), () -> store.getVersioned("k"),
                () -> store.getBatch(List.of("good", "k")), () -> store.create("k", state("k")))) {
            CorruptStateException e = assertThrows(CorruptStateException.class, read);
            assertEquals("k", e.getKey());
            assertEquals(fifo.toString(), e.getLocation());
            assertTrue(e.getMessage().contains("a special file (such as a FIFO, a socket or a device), not a "
                    + "regular file"), e.getMessage());
        }
        assertEquals(List.of("good"), store.list());
        assertEquals(Map.of("good", state("good")), store.all());
        store.set("k", state("k"));
        assertEquals(state("k"), store.get("k").orElseThrow(), "set replaced the FIFO with the document");
    }

    @ParameterizedTest(name = "secure directory stream: {0}")
    @ValueSource(booleans = {true, false})
    void deletingAFifoNamedLikeADocumentRemovesIt(boolean secure) throws Exception {
        open(secure);
        Path fifo = mkfifo(scopeDir.resolve("k.json"));
        store.delete("k");
        assertFalse(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS));
    }

    @ParameterizedTest(name = "secure directory stream: {0}")
    @ValueSource(booleans = {true, false})
    void aLongKeyWhoseKeyFileIsAFifoIsSkipped(boolean secure) throws Exception {
        open(secure);
        String key = "x".repeat(300);
        store.set(key, state(key));
        String sidecar = FileLayout.sidecarName(new FileLayout(dir, NameStyle.POSIX).fileName(key));
        Files.delete(scopeDir.resolve(sidecar));
        mkfifo(scopeDir.resolve(sidecar));
        assertEquals(List.of("good"), store.list());
        store.set(key, state(key));
        assertEquals(List.of("good", key), store.list(), "set replaced the FIFO with the key file");
    }

    @ParameterizedTest(name = "secure directory stream: {0}")
    @ValueSource(booleans = {true, false})
    void aFifoNamedLikeALockEntryIsCorrupt(boolean secure) throws Exception {
        open(secure);
        Path fifo = mkfifo(scopeDir.resolve(new FileLayout(dir, NameStyle.POSIX).lockFileName("deploy")));
        CorruptStateException e = assertThrows(CorruptStateException.class,
                () -> store.lock("deploy", Duration.ofMinutes(1)));
        assertEquals(fifo.toString(), e.getLocation());
    }

    @ParameterizedTest(name = "secure directory stream: {0}")
    @ValueSource(booleans = {true, false})
    void aFifoNamedLikeTheLockFileFailsWritesNamingIt(boolean secure) throws Exception {
        open(secure);
        Path lockFile = scopeDir.resolve(ScopeLock.FILE_NAME);
        Files.delete(lockFile);
        mkfifo(lockFile);
        StorageException e = assertThrows(StorageException.class, () -> store.set("k", state("k")));
        assertTrue(e.getMessage().contains(lockFile + ": a special file (such as a FIFO, a socket or a device), "
                + "not a regular file"), e.getMessage());
        assertEquals(state("good"), store.get("good").orElseThrow(), "reads take no lock");
    }
}
