package io.github.statestore.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.InvalidKeyException;
import io.github.statestore.Scope;
import io.github.statestore.contract.AwkwardKeys;
import io.github.statestore.key.NameStyle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** File and directory names of the FileSystem layout: Alchemy's short names, long names, foreign files. */
class FileLayoutTest {
    private static final Path ROOT = Path.of("/state/.alchemy");
    private final FileLayout posix = new FileLayout(ROOT, NameStyle.POSIX);
    private final FileLayout windows = new FileLayout(ROOT, NameStyle.WINDOWS);

    @Test
    void shortNamesAreAlchemysOnPosix() {
        assertEquals("api:database:connection.json", posix.fileName("api/database/connection"));
        assertEquals("api%2Fdatabase%2Fconnection.json", windows.fileName("api/database/connection"));
        assertEquals(ROOT.resolve("my-app").resolve("dev"), posix.scopeDir(Scope.of("my-app", "dev")));
    }

    @ParameterizedTest
    @EnumSource(NameStyle.class)
    void awkwardKeysGetDistinctNamesThatReadBack(NameStyle style) {
        FileLayout layout = new FileLayout(ROOT, style);
        Set<String> names = new HashSet<>();
        for (String key : AwkwardKeys.ALL) {
            String name = layout.fileName(key);
            assertTrue(names.add(name), name);
            assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= FileLayout.MAX_NAME_BYTES, name);
            assertEquals(FileLayout.isLongName(name) ? null : key, layout.keyOf(name), name);
        }
    }

    @Test
    void longKeysGetALongNameWithASidecar() {
        String name = posix.fileName(AwkwardKeys.LONGEST_ASCII);
        assertTrue(FileLayout.isLongName(name), name);
        assertTrue(name.startsWith("k".repeat(FileLayout.LONG_HEAD_BYTES) + "%~"), name);
        assertEquals(name.substring(0, name.length() - ".json".length()) + ".key", FileLayout.sidecarName(name));
        assertNotEquals(name, posix.fileName(AwkwardKeys.LONGEST_ASCII.substring(1) + "j"));
        assertNull(posix.keyOf(name));
    }

    @Test
    void theLongestShortNameIs255Bytes() {
        String key = "k".repeat(FileLayout.MAX_NAME_BYTES - ".json".length());
        assertEquals(key + ".json", posix.fileName(key));
        assertTrue(FileLayout.isLongName(posix.fileName(key + "k")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x.tmp", "a:b.json.tmp", "a/b.json", "50%.json", "a%3ab.json", ".json", "CON.json"})
    void foreignFilesHaveNoKeyOnWindows(String fileName) {
        assertNull(windows.keyOf(fileName));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x.tmp", "a:b.json.tmp", "a/b.json", "50%.json", "a%3ab.json", ".json"})
    void foreignFilesHaveNoKeyOnPosix(String fileName) {
        assertNull(posix.keyOf(fileName));
    }

    @Test
    void invalidKeysHaveNoFileName() {
        assertThrows(InvalidKeyException.class, () -> posix.fileName(""));
        assertThrows(InvalidKeyException.class, () -> windows.fileName("a\nb"));
    }

    @Test
    void scopeDirectoriesAreEscapedForTheStyle() {
        assertEquals(ROOT.resolve("%43ON").resolve("a%3Fb"), windows.scopeDir(Scope.of("CON", "a?b")));
        assertEquals(ROOT.resolve("...").resolve("a:b"), posix.scopeDir(Scope.of("...", "a:b")));
    }
}
