package io.github.statestore.fs;

import static io.github.statestore.contract.StateStoreContract.state;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.HistoryEntry;
import io.github.statestore.HistoryPolicy;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the FileSystem store keeps history: each kept document byte for byte in
 * {@code <scope dir>/%!history/<key's file name without .json>/}, a long key's folder named by its hash, no
 * file of the scope's directory but its documents changed, and names that are not entries (a temp file a
 * killed writer left, a stranger's file) never listed, the temp files removed by the next prune.
 */
class FileSystemHistoryLayoutTest {
    private static final Scope SCOPE = Scope.of("myapp", "dev");

    @TempDir
    Path dir;
    private Path scopeDir;
    private StateStore store;

    @BeforeEach
    void open() {
        Path root = dir.resolve(".alchemy");
        scopeDir = root.resolve("myapp/dev");
        store = FileSystemConfig.builder().root(root).history(HistoryPolicy.keepVersions(2)).build().open(SCOPE);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void eachKeptDocumentIsAFileOfItsKeysFolderByteForByte() throws IOException {
        store.set("api/db", state("one"));
        byte[] first = Files.readAllBytes(scopeDir.resolve("api:db.json"));
        store.set("api/db", state("two"));
        assertEquals(List.of("%!history", ".statestore.lock", "api:db.json"), names(scopeDir));
        Path kept = scopeDir.resolve("%!history/api:db");
        List<String> entries = names(kept);
        assertEquals(1, entries.size());
        assertTrue(entries.get(0).matches("1\\.\\d+\\.[0-9a-f]{8}\\.w\\.\\d+\\.0\\.created\\._22[0-9a-f]{32}_22"),
                entries.get(0));
        assertArrayEquals(first, Files.readAllBytes(kept.resolve(entries.get(0))));
    }

    @Test
    void aLongKeysFolderIsNamedAsItsDocumentIs() throws IOException {
        String key = "k".repeat(400);
        store.set(key, state("one"));
        store.set(key, state("two"));
        List<String> documents = names(scopeDir).stream().filter(n -> n.endsWith(".json")).toList();
        assertEquals(1, documents.size());
        String stem = documents.get(0).substring(0, documents.get(0).length() - ".json".length());
        assertEquals(List.of(stem), names(scopeDir.resolve("%!history")));
        assertEquals(1, store.history(key).size());
    }

    @Test
    void namesThatAreNotEntriesAreNotListedAndTempFilesGoAtTheNextPrune() throws IOException {
        store.set("k", state("one"));
        store.set("k", state("two"));
        Path kept = scopeDir.resolve("%!history/k");
        Files.writeString(kept.resolve(".0123456789abcdef.tmp"), "killed writer");
        Files.writeString(kept.resolve("notes.txt"), "a stranger's file");
        List<HistoryEntry> before = store.history("k");
        assertEquals(1, before.size());
        store.set("k", state("three"));
        store.set("k", state("four"));
        assertEquals(2, store.history("k").size());
        assertFalse(Files.exists(kept.resolve(".0123456789abcdef.tmp")));
        assertTrue(Files.exists(kept.resolve("notes.txt")));
    }
}
