package io.github.statestore.fs;

import static io.github.statestore.contract.StateStoreContract.state;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.contract.AwkwardKeys;
import io.github.statestore.key.NameStyle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Proves where the FileSystem store puts files: Alchemy's exact paths, nothing outside the scope directory
 * whatever the key, long names with a sidecar for keys too long for a file name, and Windows-safe names.
 */
class FileSystemLayoutTest {
    private static final Scope SCOPE = Scope.of("myapp", "dev");
    private static final Pattern WINDOWS_FORBIDDEN = Pattern.compile("[<>:\"\\\\|?*]");
    private static final Pattern WINDOWS_DEVICE =
            Pattern.compile("(?i)(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³]) *(\\..*)?");

    @TempDir
    Path dir;
    private Path root;
    private Path scopeDir;
    private final List<StateStore> stores = new ArrayList<>();

    @BeforeEach
    void paths() {
        root = dir.resolve(".alchemy");
        scopeDir = root.resolve("myapp/dev");
    }

    @AfterEach
    void closeStores() {
        stores.forEach(StateStore::close);
    }

    private StateStore open(NameStyle style) {
        StateStore store = FileSystemConfig.builder().root(root).nameStyle(style).build().open(SCOPE);
        stores.add(store);
        return store;
    }

    @Test
    void keyWithSlashesLandsWhereAlchemyPutsIt() throws IOException {
        open(NameStyle.POSIX).set("api/database/connection", state("connection"));
        assertEquals(List.of(scopeDir.resolve("api:database:connection.json")), regularFiles());
    }

    @ParameterizedTest
    @EnumSource(NameStyle.class)
    void traversalKeysStayInsideTheScopeDirectory(NameStyle style) throws IOException {
        List<String> keys = List.of("../x", "/etc/passwd", "%2e%2e", "a\\b", "../../../../../tmp/escaped",
                "..\\..\\x", "./.", "...", "x/../../y", "~/.ssh/id");
        roundTrip(open(style), keys);
    }

    @Test
    void keysTooLongForAFileNameUseALongNameAndASidecar() throws IOException {
        StateStore store = open(NameStyle.POSIX);
        String longestShort = "s".repeat(FileLayout.MAX_NAME_BYTES - FileLayout.SUFFIX.length());
        List<String> longKeys = List.of(longestShort + "s", "y/".repeat(200), "z".repeat(300) + "1",
                "z".repeat(300) + "2", AwkwardKeys.LONGEST_UNICODE);
        store.set(longestShort, state("short"));
        assertTrue(Files.isRegularFile(scopeDir.resolve(longestShort + ".json")));
        FileLayout layout = new FileLayout(root, NameStyle.POSIX);
        for (String key : longKeys) {
            store.set(key, state(key));
            String name = layout.fileName(key);
            assertTrue(name.contains("%~"), name);
            assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= FileLayout.MAX_NAME_BYTES, name);
            assertTrue(Files.isRegularFile(scopeDir.resolve(name)), name);
            assertArrayEquals(key.getBytes(StandardCharsets.UTF_8),
                    Files.readAllBytes(scopeDir.resolve(FileLayout.sidecarName(name))));
        }
        assertEquals(1 + 2 * longKeys.size(), regularFiles().size());
        store.delete(longestShort);
        roundTrip(store, longKeys);
    }

    @Test
    void windowsNamesAvoidForbiddenCharactersAndDeviceNames() throws IOException {
        List<String> keys = new ArrayList<>(AwkwardKeys.ALL);
        keys.addAll(List.of("con", "Aux.json", "COM1", "lpt9.x.y", "PRN .txt", "nul/x", "CONSOLE", "a:b", "a/b"));
        StateStore store = open(NameStyle.WINDOWS);
        for (String key : keys) {
            store.set(key, state(key));
        }
        try (Stream<Path> tree = Files.walk(root)) {
            tree.map(p -> p.getFileName().toString()).forEach(name -> {
                assertFalse(WINDOWS_FORBIDDEN.matcher(name).find(), name);
                assertFalse(WINDOWS_DEVICE.matcher(name).matches(), name);
            });
        }
        assertTrue(Files.isRegularFile(scopeDir.resolve("%43ON.json")));
        assertTrue(Files.isRegularFile(scopeDir.resolve("%6Eul.txt.json")));
        assertTrue(Files.isRegularFile(scopeDir.resolve("CONSOLE.json")));
        roundTrip(store, keys);
    }

    /** Checks the keys list, read back and delete, and that no file was ever written outside the scope. */
    private void roundTrip(StateStore store, List<String> keys) throws IOException {
        for (String key : keys) {
            store.set(key, state(key));
        }
        for (Path file : regularFiles()) {
            assertEquals(scopeDir, file.getParent(), "written outside the scope directory: " + file);
        }
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(null);
        assertEquals(sorted, store.list());
        for (String key : keys) {
            assertEquals(state(key), store.get(key).orElseThrow(), key);
        }
        for (String key : keys) {
            store.delete(key);
        }
        assertEquals(List.of(), store.list());
        assertEquals(List.of(), regularFiles(), "delete leaves no document or sidecar behind");
    }

    /** Every document and sidecar under the temp dir: all regular files but the scope's write lock. */
    private List<Path> regularFiles() throws IOException {
        try (Stream<Path> tree = Files.walk(dir)) {
            return tree.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals(ScopeLock.FILE_NAME)).sorted().toList();
        }
    }
}
