package io.github.statestore.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.statestore.ChangeEvent.Type;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.Subscription;
import io.github.statestore.Version;
import io.github.statestore.WatchOptions;
import io.github.statestore.contract.ChangeLog;
import io.github.statestore.contract.ContractFixture;
import io.github.statestore.internal.Digests;
import io.github.statestore.key.NameStyle;
import io.github.statestore.spi.ChangeSignal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The FileSystem store's watches: woken by the OS's file watching where the JDK has one that does not poll,
 * watching a directory that appears later, and reading only the files that changed.
 */
class FileSystemWatchTest {
    private static final Scope SCOPE = Scope.of("app", "dev");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path root;

    @Test
    void theOsWatchDeliversAChangeWithoutWaitingForAPoll() throws Exception {
        Path dir = root.resolve("app").resolve("dev");
        Files.createDirectories(dir);
        try (ChangeSignal probe = DirectoryWatch.of(dir)) {
            assumeTrue(probe instanceof DirectoryWatch, "this JDK's WatchService polls, so the store polls");
        }
        WatchOptions hourly = WatchOptions.builder().pollInterval(Duration.ofHours(1)).build();
        ChangeLog log = new ChangeLog();
        StoreConfig config = StoreConfig.fileSystem(root);
        try (StateStore watched = config.open(SCOPE); StateStore writer = config.open(SCOPE);
                Subscription ignored = watched.watch(log, hourly)) {
            Version v = writer.create("a", ContractFixture.state("a"));
            log.await("a created, before the hourly poll", PATIENCE, ChangeLog.is(Type.CREATED, "a", v));
        }
    }

    @Test
    void aScopeDirectoryCreatedAfterTheWatchStartsIsWatched() throws Exception {
        WatchOptions quick = WatchOptions.builder().pollInterval(Duration.ofMillis(20)).build();
        ChangeLog log = new ChangeLog();
        StoreConfig config = StoreConfig.fileSystem(root);
        try (StateStore watched = config.open(SCOPE); StateStore writer = config.open(SCOPE);
                Subscription ignored = watched.watch(log, quick)) {
            Version a = writer.create("a", ContractFixture.state("a"));
            log.await("a created", PATIENCE, ChangeLog.is(Type.CREATED, "a", a));
            Version b = writer.create("b", ContractFixture.state("b"));
            log.await("b created", PATIENCE, ChangeLog.is(Type.CREATED, "b", b));
        }
    }

    @Test
    void aFileRewrittenInPlaceWithItsSizeAndTimeKeptIsReadAgainWhileRecent() throws IOException {
        FileSystemBackend backend = backend();
        Path file = written("a");
        String before = backend.versions().get("a");
        byte[] changed = rewriteKeepingSizeAndTime(file);
        assertEquals(Map.of("a", Digests.version(changed)), backend.versions());
        assertNotEquals(before, Digests.version(changed));
    }

    /**
     * A file modified well before it was read is not read again while its size, time and file key stay: so a
     * rewrite that forges all three goes unseen, the price of not reading every file at every poll.
     */
    @Test
    void aSettledFileIsNotReadAgainWhileItsAttributesStay() throws IOException {
        FileSystemBackend backend = backend();
        Path file = written("a");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));
        String before = backend.versions().get("a");
        rewriteKeepingSizeAndTime(file);
        assertEquals(Map.of("a", before), backend.versions());
        Files.write(file, new byte[] {'{', '}'});
        assertEquals(Map.of("a", Digests.version(new byte[] {'{', '}'})), backend.versions());
        Files.delete(file);
        assertEquals(Map.of(), backend.versions());
    }

    private FileSystemBackend backend() throws IOException {
        FileLayout layout = new FileLayout(ScopeDirectory.realRoot(root), NameStyle.POSIX);
        return new FileSystemBackend(layout, SCOPE, new AtomicFiles(true), Duration.ofSeconds(10), true);
    }

    private Path written(String key) {
        try (StateStore store = StoreConfig.fileSystem(root).open(SCOPE)) {
            store.set(key, ContractFixture.state(key));
        }
        return root.resolve("app").resolve("dev").resolve(key + ".json");
    }

    /** Changes one byte in place (same file, same size) and puts the modification time back. */
    private static byte[] rewriteKeepingSizeAndTime(Path file) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 2] = (byte) (bytes[bytes.length - 2] == ' ' ? '\t' : ' ');
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, modified);
        return bytes;
    }
}
