package io.github.statestore.fs;

import static io.github.statestore.contract.StateStoreContract.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that the temp files of writes that never finished are removed by the first write of each store, and
 * nothing else is: not a key named like a temp file, not a stray file of another name, not a directory.
 * That killed writers leave none behind is proven by {@link FileSystemCrashIT}; that a live writer's temp file
 * is never removed, by {@link FileSystemScopeLockTest} and {@link FileSystemStoppedWriterIT}.
 */
class FileSystemTempFilesTest {
    private static final Scope SCOPE = Scope.of("app", "dev");
    private static final List<String> LEFTOVERS = List.of(".0123456789abcdef.tmp", ".fedcba9876543210.tmp");
    private static final List<String> NOT_TEMP_FILES = List.of("foo.tmp", ".0123456789ABCDEF.tmp", ".0123.tmp",
            "0123456789abcdef.tmp", ".0123456789abcdef.tmp.bak");

    @TempDir
    Path dir;
    private Path scopeDir;
    private StateStore store;

    @BeforeEach
    void openStore() {
        scopeDir = dir.resolve(".alchemy/app/dev");
        store = StoreConfig.fileSystem(dir.resolve(".alchemy")).open(SCOPE);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void theFirstWriteRemovesTheTempFilesOfWritesThatNeverFinished() throws IOException {
        try (StateStore other = StoreConfig.fileSystem(dir.resolve(".alchemy")).open(SCOPE)) {
            other.set(".0123456789abcdef.tmp", state("a key named like a temp file"));
        }
        Files.createDirectories(scopeDir.resolve(".aaaaaaaaaaaaaaaa.tmp"));
        for (String name : LEFTOVERS) {
            Files.write(scopeDir.resolve(name), state("torn").toJsonBytes());
        }
        for (String name : NOT_TEMP_FILES) {
            Files.writeString(scopeDir.resolve(name), "not ours to remove");
        }

        store.set("k", state("k"));

        Set<String> expected = new TreeSet<>(NOT_TEMP_FILES);
        expected.addAll(List.of("k.json", ".0123456789abcdef.tmp.json", ScopeLock.FILE_NAME, ".aaaaaaaaaaaaaaaa.tmp"));
        assertEquals(expected, names());
        assertEquals(state("a key named like a temp file"), store.get(".0123456789abcdef.tmp").orElseThrow());
    }

    @Test
    void aStoreRemovesThemOnceAndTheNextStoreAgain() throws IOException {
        store.set("k", state("k"));
        Files.write(scopeDir.resolve(LEFTOVERS.get(0)), state("torn").toJsonBytes());
        store.set("k", state("k"));
        assertTrue(names().contains(LEFTOVERS.get(0)), "a store lists its directory at its first write only");

        try (StateStore next = StoreConfig.fileSystem(dir.resolve(".alchemy")).open(SCOPE)) {
            next.delete("k");
        }
        assertEquals(Set.of(ScopeLock.FILE_NAME), names());
    }

    private Set<String> names() throws IOException {
        try (Stream<Path> entries = Files.list(scopeDir)) {
            return entries.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
