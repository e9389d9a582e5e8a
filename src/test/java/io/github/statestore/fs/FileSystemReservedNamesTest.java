package io.github.statestore.fs;

import static io.github.statestore.contract.StateStoreContract.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.InvalidScopeException;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.key.NameStyle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Proves that neither a scope name nor a key can take the name of a file the FileSystem store keeps for itself
 * in a scope's directory: every such file it actually writes has a name {@link Scope} refuses, and keys named
 * like them are stored under other names, beside them, untouched by the lock and by the removal of temp files.
 */
class FileSystemReservedNamesTest {
    private static final Scope SCOPE = Scope.of("app", "dev");
    private static final String LONG_KEY = "long/" + "x".repeat(300);

    @TempDir
    Path dir;

    @Test
    void everyFileTheStoreKeepsForItselfHasANameNoScopeMayHave() throws IOException {
        Path root = dir.resolve(".alchemy");
        try (StateStore store = StoreConfig.fileSystem(root).open(SCOPE)) {
            store.set(LONG_KEY, state("long"));
            store.lock("deploy", Duration.ofMinutes(1)).close();
        }
        Path scopeDir = root.resolve("app/dev");
        AtomicFiles files = new AtomicFiles(true);
        try (Directory opened = new ScopeDirectory(root.toRealPath(), root.toRealPath().resolve("app/dev"), files,
                true).open()) {
            files.writeTemp(opened, new byte[] {1});
        }
        List<String> own = new ArrayList<>();
        try (Stream<Path> entries = Files.list(scopeDir)) {
            entries.map(p -> p.getFileName().toString()).forEach(own::add);
        }
        assertEquals(5, own.size(), "the document, key file, lock entry, lock file and temp file: " + own);
        for (String name : own) {
            InvalidScopeException e = assertThrows(InvalidScopeException.class, () -> Scope.of("app").child(name),
                    name);
            assertEquals(name, e.getName());
        }
    }

    @ParameterizedTest
    @EnumSource(NameStyle.class)
    void keysNamedLikeTheStoresOwnFilesAreStoredBesideThem(NameStyle style) throws IOException {
        FileLayout layout = new FileLayout(dir, style);
        String sidecar = FileLayout.sidecarName(layout.fileName(LONG_KEY));
        List<String> keys = List.of(ScopeLock.FILE_NAME, ".0123456789abcdef.tmp", sidecar,
                layout.lockFileName("deploy"), LONG_KEY);
        for (String key : keys) {
            assertTrue(layout.fileName(key).endsWith(FileLayout.SUFFIX), key);
            assertNotEquals(key, layout.fileName(key));
        }
        Path root = dir.resolve(".alchemy");
        FileSystemConfig config = FileSystemConfig.builder().root(root).nameStyle(style).build();
        try (StateStore store = config.open(SCOPE)) {
            for (String key : keys) {
                store.set(key, state(key));
            }
            store.lock("deploy", Duration.ofMinutes(1)).close();
        }
        try (StateStore store = config.open(SCOPE)) {
            store.set("another", state("another"));
            List<String> expected = new ArrayList<>(keys);
            expected.add("another");
            assertEquals(new TreeSet<>(expected), new TreeSet<>(store.list()));
            for (String key : keys) {
                assertEquals(state(key), store.get(key).orElseThrow(), key);
            }
        }
    }
}
