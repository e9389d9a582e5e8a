package io.github.statestore.fs;

import static io.github.statestore.contract.StateStoreContract.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Proves what the FileSystem store lists: nothing (and nothing created) for a scope directory that does
 * not exist yet, and only its own documents, never stray files, temp files, directories or names it cannot
 * have written, which it skips with a warning.
 */
class FileSystemListingTest {
    private static final String HEX64 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;
    private Path scopeDir;
    private StateStore store;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void openStore() {
        scopeDir = dir.resolve(".alchemy/myapp/dev");
        store = StoreConfig.fileSystem(dir.resolve(".alchemy")).open(Scope.of("myapp", "dev"));
        log.start();
        backendLogger().addAppender(log);
    }

    @AfterEach
    void closeStore() {
        backendLogger().detachAppender(log);
        store.close();
    }

    private static Logger backendLogger() {
        return (Logger) LoggerFactory.getLogger(FileSystemBackend.class);
    }

    @Test
    void missingScopeDirectoryIsEmptyAndReadingCreatesNothing() {
        assertEquals(List.of(), store.list());
        assertEquals(0, store.count());
        assertEquals(Map.of(), store.all());
        assertEquals(Optional.empty(), store.get("a"));
        store.delete("a");
        assertFalse(Files.exists(dir.resolve(".alchemy")));
    }

    @Test
    void initCreatesTheScopeDirectory() {
        store.init();
        assertTrue(Files.isDirectory(scopeDir));
        assertEquals(List.of(), store.list());
    }

    @Test
    void strayEntriesAreNotListed() throws IOException {
        store.set("real", state("real"));
        Files.writeString(scopeDir.resolve("notes.txt"), "hello");
        Files.writeString(scopeDir.resolve("foo.tmp"), "{}");
        Files.writeString(scopeDir.resolve(".0123456789abcdef.tmp"), "{\"status\":");
        Files.writeString(scopeDir.resolve("real.json.bak"), "{}");
        Files.createDirectories(scopeDir.resolve("sub"));
        Files.createDirectories(scopeDir.resolve("dir.json"));
        assertEquals(List.of("real"), store.list());
        assertEquals(1, store.count());
        assertEquals(List.of("real"), List.copyOf(store.all().keySet()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"50%.json", "a%3ab.json", "%41.json", "x%~" + HEX64 + ".json"})
    void namesThisStoreCannotHaveWrittenAreSkippedWithAWarning(String name) throws IOException {
        store.set("real", state("real"));
        Files.write(scopeDir.resolve(name), state("stray").toJsonBytes());
        assertEquals(List.of("real"), store.list());
        assertEquals(1, store.count());
        assertTrue(log.list.stream().anyMatch(e -> e.getLevel() == Level.WARN
                && e.getFormattedMessage().contains(name)), "a warning names " + name);
    }

    @Test
    void longNameWhoseSidecarIsNotUtf8IsSkippedWithAWarning() throws IOException {
        store.set("real", state("real"));
        String name = "x%~" + HEX64 + ".json";
        Files.write(scopeDir.resolve(name), state("stray").toJsonBytes());
        Files.write(scopeDir.resolve("x%~" + HEX64 + ".key"), new byte[] {(byte) 0xff, (byte) 0xfe});
        assertEquals(List.of("real"), store.list());
        assertEquals(1, store.count());
        assertTrue(log.list.stream().anyMatch(e -> e.getLevel() == Level.WARN
                && e.getFormattedMessage().contains(name)), "a warning names " + name);
    }
}
