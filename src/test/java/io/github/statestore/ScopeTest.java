package io.github.statestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Scope names: which are valid, how scopes are built, printed, parsed and compared. */
class ScopeTest {
    private static final String HEX64 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @Test
    void buildsPrintsAndParsesChains() {
        Scope prod = Scope.of("my-app", "prod");
        assertEquals(List.of("my-app", "prod"), prod.names());
        assertEquals("my-app/prod", prod.toString());
        assertEquals(prod, Scope.parse("my-app/prod"));
        assertEquals(prod, Scope.of(List.of("my-app", "prod")));
        Scope api = prod.child("api");
        assertEquals("my-app/prod/api", api.toString());
        assertEquals(List.of("my-app", "prod"), prod.names());
        assertEquals(Scope.of("my-app", "prod", "api"), api);
    }

    @Test
    void equalsAndHashCodeFollowTheNames() {
        assertEquals(Scope.of("a", "b").hashCode(), Scope.parse("a/b").hashCode());
        assertNotEquals(Scope.of("a", "b"), Scope.of("a"));
        assertNotEquals(Scope.of("a", "b"), Scope.of("b", "a"));
        assertNotEquals(Scope.of("a:b"), Scope.of("a", "b"));
    }

    @Test
    void namesAreUnmodifiableAndDetachedFromTheCallersList() {
        List<String> names = new ArrayList<>(List.of("a", "b"));
        Scope scope = Scope.of(names);
        names.add("c");
        assertEquals(List.of("a", "b"), scope.names());
        assertThrows(UnsupportedOperationException.class, () -> scope.names().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> scope.child("c").names().set(0, "x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"my-app", "a:b", "50%", "sp ace", "...", ".hidden", "x.", "CON", "😀", "back\\slash",
        "unic₪de", "\u00a0", ".statestore", ".statestore.lock2", "statestore.lock", ".0123.tmp",
        "0123456789abcdef.tmp", ".0123456789abcdefg.tmp", "x.key", "x%~0123.key", "x.json.bak"})
    void acceptsNamesWithoutSlashControlsOrDots(String name) {
        assertEquals(List.of("app", name), Scope.of("app", name).names());
        assertEquals(Scope.of("app", name), Scope.parse("app/" + name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "a/b", ".", "..", "\u0000", "a\nb", "\u007f", "x\u0085", "\ud800", "x\udc00",
        "\udc00\ud83d", "x.json", ".json", "X.JSON", ".statestore.lock", ".STATESTORE.Lock", ".0123456789abcdef.tmp",
        ".0123456789ABCDEF.tmp", "x%~" + HEX64 + ".key", "%~" + HEX64 + ".KEY"})
    void rejectsInvalidNamesNamingThem(String name) {
        assertRejected(name, () -> Scope.of(name));
        assertRejected(name, () -> Scope.of("app", name));
        assertRejected(name, () -> Scope.of(Arrays.asList("app", name)));
        assertRejected(name, () -> Scope.of("app").child(name));
    }

    @Test
    void namesOfTheFileSystemStoresOwnFilesAreRefusedSayingWhy() {
        assertReason(".statestore.lock", "'.statestore.lock' is reserved: it is the FileSystem store's scope lock "
                + "file in the parent scope's directory (compared ignoring case)");
        assertReason(".0123456789abcdef.tmp", "names like '.<16 hex digits>.tmp' are reserved: they are the "
                + "FileSystem store's temp files, which it removes, in the parent scope's directory");
        assertReason("x%~" + HEX64 + ".key", "names ending in '%~<64 hex digits>.key' are reserved: they are the "
                + "FileSystem store's key files of long keys in the parent scope's directory");
    }

    private static void assertReason(String name, String reason) {
        InvalidScopeException e = assertThrows(InvalidScopeException.class, () -> Scope.of("app").child(name));
        assertEquals(name, e.getName());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void namesMayHoldAtMost255Utf8Bytes() {
        assertEquals(Scope.MAX_NAME_BYTES, 255);
        String longest = "₪".repeat(85);
        assertEquals(List.of(longest), Scope.of(longest).names());
        assertRejected(longest + "x", () -> Scope.of(longest + "x"));
    }

    private static void assertRejected(String name, Runnable create) {
        InvalidScopeException e = assertThrows(InvalidScopeException.class, create::run);
        assertEquals(name, e.getName());
        assertTrue(e.getMessage().startsWith("Invalid scope name "), e.getMessage());
    }

    @Test
    void parseRejectsEmptyAndDotSegments() {
        assertEquals("", assertThrows(InvalidScopeException.class, () -> Scope.parse("")).getName());
        assertEquals("", assertThrows(InvalidScopeException.class, () -> Scope.parse("a//b")).getName());
        assertEquals("", assertThrows(InvalidScopeException.class, () -> Scope.parse("/a")).getName());
        assertEquals("", assertThrows(InvalidScopeException.class, () -> Scope.parse("a/")).getName());
        assertEquals("..", assertThrows(InvalidScopeException.class, () -> Scope.parse("a/../b")).getName());
    }

    @Test
    void rejectsMissingNames() {
        assertNull(assertThrows(InvalidScopeException.class, () -> Scope.of((String) null)).getName());
        assertNull(assertThrows(InvalidScopeException.class, () -> Scope.of("a", (String) null)).getName());
        assertThrows(InvalidScopeException.class, () -> Scope.of(List.of()));
        assertThrows(InvalidScopeException.class, () -> Scope.parse(null));
    }
}
