package io.github.statestore.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.CorruptStateException;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves a corrupt lock entry on disk makes {@code lock} and {@code forceUnlock} throw
 * {@link CorruptStateException} naming the lock and the entry's file, and leaves the file as it was.
 */
class FileSystemCorruptLockEntryTest {
    private static final String LOCK = "deploy";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"{ \"owner\": nobody, }", "", "[]", "{\"token\": 1}"})
    void lockAndForceUnlockNameTheLockAndItsFile(String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try (StateStore store = StoreConfig.fileSystem(dir.resolve(".alchemy")).open(Scope.of("app", "dev"))) {
            Path file = dir.resolve(".alchemy/app/dev/%!lock.deploy.lease");
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            for (Runnable call : new Runnable[] {() -> store.lock(LOCK, Duration.ofSeconds(10)),
                    () -> store.forceUnlock(LOCK)}) {
                CorruptStateException e = assertThrows(CorruptStateException.class, call::run);
                assertEquals(LOCK, e.getKey());
                assertEquals(file.toString(), e.getLocation());
                assertTrue(e.getMessage().contains(file + ": not a lock entry: "), e.getMessage());
            }
            assertArrayEquals(bytes, Files.readAllBytes(file), "the corrupt entry is left as it was");
        }
    }

    @Test
    void aValidEntryIsReadFromTheSameFile() throws IOException {
        try (StateStore store = StoreConfig.fileSystem(dir.resolve(".alchemy")).open(Scope.of("app", "dev"))) {
            store.lock(LOCK, Duration.ofSeconds(10)).close();
            assertTrue(Files.readString(dir.resolve(".alchemy/app/dev/%!lock.deploy.lease")).contains("\"token\""));
        }
    }
}
