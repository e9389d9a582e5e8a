package io.github.statestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.fs.FileSystemConfig;
import io.github.statestore.key.NameStyle;
import io.github.statestore.memory.MemoryConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Configs from URLs, the environment and builders, with errors that name the setting and the value. */
class StoreConfigTest {

    @Test
    void fileUrlsPickTheFileSystemBackend() {
        assertEquals(Path.of(".alchemy"), fileSystem(StoreConfig.parse("file:.alchemy")).root());
        assertEquals(Path.of("state/dir"), fileSystem(StoreConfig.parse("file:state/dir")).root());
        Path absolute = fileSystem(StoreConfig.parse("file:///tmp/x")).root();
        assertEquals(Path.of("/tmp/x"), absolute);
        assertTrue(absolute.isAbsolute());
        assertEquals(Path.of("/tmp/a b"), fileSystem(StoreConfig.parse("file:///tmp/a%20b")).root());
    }

    @Test
    void schemesAreCaseInsensitive() {
        assertEquals(Path.of("x"), fileSystem(StoreConfig.parse("FILE:x")).root());
    }

    @Test
    void anUnknownSchemeNamesTheSchemesOfTheInstalledProviders() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> StoreConfig.parse("nope:x"));
        assertTrue(e.getMessage().contains("the installed store providers read file:, jdbc:, memory:, r2:, s3:, zip:"),
                e.getMessage());
    }

    @Test
    void theMemoryUrlPicksTheMemoryBackend() {
        assertInstanceOf(MemoryConfig.class, StoreConfig.parse("memory:"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nope:x", "file:", "memory:extra", "s3//x", "file://host/x", "file:///a b"})
    void badUrlsAreRejectedNamingTheUrl(String url) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> StoreConfig.parse(url));
        assertEquals("url", e.getSetting());
        assertTrue(e.getMessage().contains("'" + url + "'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void blankUrlsAreRejectedAsMissing(String url) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> StoreConfig.parse(url));
        assertEquals("url", e.getSetting());
        assertTrue(e.getMessage().contains("required"), e.getMessage());
    }

    @Test
    void theEnvironmentDefaultsToTheFileSystem() {
        for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of("STATESTORE_URL", ""),
                Map.of("STATESTORE_URL", " "), Map.of("OTHER", "memory:"))) {
            FileSystemConfig config = fileSystem(StoreConfig.fromEnv(env));
            assertEquals(Path.of(".alchemy"), config.root());
            assertEquals(StoreConfig.fileSystem(), config);
        }
    }

    @Test
    void theEnvironmentCanPickABackend() {
        assertInstanceOf(MemoryConfig.class, StoreConfig.fromEnv(Map.of("STATESTORE_URL", "memory:")));
        assertInstanceOf(MemoryConfig.class, StoreConfig.fromEnv(Map.of("STATESTORE_URL", " memory:\n")));
        assertEquals(Path.of("/srv/state"),
                fileSystem(StoreConfig.fromEnv(Map.of("STATESTORE_URL", "file:///srv/state"))).root());
    }

    @Test
    void aBadEnvironmentUrlNamesTheVariable() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> StoreConfig.fromEnv(Map.of("STATESTORE_URL", "nope:x")));
        assertEquals("STATESTORE_URL", e.getSetting());
        assertTrue(e.getMessage().contains("STATESTORE_URL") && e.getMessage().contains("'nope:x'"),
                e.getMessage());
    }

    @Test
    void eachMemoryConfigIsItsOwnSpaceSharedByItsStores() {
        Scope scope = Scope.of("app", "dev");
        MemoryConfig first = StoreConfig.memory();
        MemoryConfig second = StoreConfig.memory();
        assertNotSame(first, second);
        State state = State.builder().status(State.Status.CREATED).kind("k").id("x").fqn("app/dev/x").build();
        try (StateStore writer = first.open(scope); StateStore reader = first.open(scope);
                StateStore other = second.open(scope); StateStore sibling = first.open(Scope.of("app", "prod"))) {
            writer.set("x", state);
            assertEquals(state, reader.get("x").orElseThrow());
            assertEquals(List.of("x"), reader.list());
            assertEquals(List.of(), other.list());
            assertEquals(List.of(), sibling.list());
        }
    }

    @Test
    void fileSystemBuilderValidatesEachSetting() {
        assertEquals("root", assertThrows(InvalidConfigException.class,
                () -> FileSystemConfig.builder().root(null)).getSetting());
        assertEquals("root", assertThrows(InvalidConfigException.class,
                () -> FileSystemConfig.builder().root(Path.of(""))).getSetting());
        assertEquals("nameStyle", assertThrows(InvalidConfigException.class,
                () -> FileSystemConfig.builder().nameStyle(null)).getSetting());
        assertEquals("root", assertThrows(InvalidConfigException.class,
                () -> StoreConfig.fileSystem(null)).getSetting());
    }

    @Test
    void fileSystemBuilderDefaultsAndEquality() {
        FileSystemConfig defaults = FileSystemConfig.builder().build();
        assertEquals(FileSystemConfig.DEFAULT_ROOT, defaults.root());
        assertEquals(NameStyle.ofPlatform(), defaults.nameStyle());
        FileSystemConfig windows = FileSystemConfig.builder().root(Path.of("s")).nameStyle(NameStyle.WINDOWS).build();
        assertEquals(windows, FileSystemConfig.builder().nameStyle(NameStyle.WINDOWS).root(Path.of("s")).build());
        assertEquals(windows.hashCode(),
                FileSystemConfig.builder().nameStyle(NameStyle.WINDOWS).root(Path.of("s")).build().hashCode());
        assertNotEquals(windows, FileSystemConfig.builder().root(Path.of("s")).nameStyle(NameStyle.POSIX).build());
        assertNotEquals(windows, FileSystemConfig.builder().root(Path.of("t")).nameStyle(NameStyle.WINDOWS).build());
    }

    @Test
    void aFileUrlEqualsTheBuilderConfigWithTheSameRoot() {
        FileSystemConfig relative = FileSystemConfig.builder().root(Path.of("state/dir")).build();
        assertEquals(relative, StoreConfig.parse("file:state/dir"));
        assertEquals(relative.hashCode(), StoreConfig.parse("file:state/dir").hashCode());
        assertEquals(FileSystemConfig.builder().root(Path.of("/tmp/x")).build(), StoreConfig.parse("file:///tmp/x"));
        assertEquals(StoreConfig.fileSystem(), StoreConfig.parse("file:.alchemy"));
        assertNotEquals(relative, StoreConfig.parse("file:state"));
    }

    @Test
    void theFileSystemPasswordTakesPartInEqualityButIsNeverShown() {
        String password = "pw-Zq7rX4-never-printed";
        FileSystemConfig none = FileSystemConfig.builder().root(Path.of("s")).build();
        FileSystemConfig set = FileSystemConfig.builder().root(Path.of("s")).password(password).build();
        assertFalse(none.hasPassword());
        assertTrue(set.hasPassword());
        FileSystemConfig again = FileSystemConfig.builder().root(Path.of("s")).password(password).build();
        assertEquals(set, again);
        assertEquals(set.hashCode(), again.hashCode());
        assertNotEquals(none, set);
        assertNotEquals(set, FileSystemConfig.builder().root(Path.of("s")).password(password + "x").build());
        assertEquals("FileSystemConfig{root=s, nameStyle=WINDOWS, password=set}",
                FileSystemConfig.builder().root(Path.of("s")).nameStyle(NameStyle.WINDOWS).password(password).build()
                        .toString());
        assertFalse(set.toString().contains(password), set.toString());
        assertTrue(none.toString().endsWith("password=none}"), none.toString());
    }

    private static FileSystemConfig fileSystem(StoreConfig config) {
        return assertInstanceOf(FileSystemConfig.class, config);
    }
}
