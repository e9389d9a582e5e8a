package io.github.statestore.fs;

import static io.github.statestore.contract.StateStoreContract.state;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.statestore.CorruptStateException;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves a corrupt document on disk is reported as {@link CorruptStateException} naming its key and file,
 * is never deleted or rewritten, and does not stop the other keys from being listed and read.
 */
class FileSystemCorruptionTest {
    private static final String KEY = "corrupt/doc";
    private static final byte[] VALID = state("corrupt/doc").toJsonBytes();

    @TempDir
    Path dir;
    private StateStore store;
    private Path file;

    @BeforeEach
    void openStore() {
        store = StoreConfig.fileSystem(dir.resolve(".alchemy")).open(Scope.of("app", "dev"));
        file = dir.resolve(".alchemy/app/dev/corrupt:doc.json");
        store.set("good", state("good"));
        store.set("other/key", state("other/key"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static Stream<Arguments> corruptDocuments() {
        String valid = new String(VALID, StandardCharsets.UTF_8);
        return Stream.of(
                arguments("invalid JSON", utf8("{ \"status\": created, }")),
                arguments("truncated JSON", Arrays.copyOf(VALID, VALID.length / 2)),
                arguments("empty file", new byte[0]),
                arguments("trailing garbage", utf8(valid + "}")),
                arguments("not an object", utf8("[" + valid + "]")),
                arguments("bad status", utf8(valid.replace("\"created\"", "\"bogus\""))),
                arguments("missing kind", utf8(valid.replace("\"kind\"", "\"kindly\""))),
                arguments("raw control character", utf8(valid.replace("test::Thing", "test\u0000Thing"))),
                arguments("invalid UTF-8", invalidUtf8(valid)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptDocuments")
    void getThrowsNamingKeyAndFile(String description, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        CorruptStateException e = assertThrows(CorruptStateException.class, () -> store.get(KEY));
        assertEquals(KEY, e.getKey());
        assertEquals(file.toString(), e.getLocation());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertArrayEquals(bytes, Files.readAllBytes(file), "the corrupt file is left as it was");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptDocuments")
    void otherKeysStillWork(String description, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        assertEquals(List.of("corrupt/doc", "good", "other/key"), store.list());
        assertEquals(3, store.count());
        assertEquals(state("good"), store.get("good").orElseThrow());
        assertEquals(Map.of("good", state("good"), "other/key", state("other/key")),
                store.getBatch(List.of("good", "missing", "other/key")));
        assertArrayEquals(bytes, Files.readAllBytes(file), "the corrupt file is left as it was");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptDocuments")
    void readingTheCorruptKeyInBulkThrows(String description, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        assertEquals(KEY, assertThrows(CorruptStateException.class, store::all).getKey());
        assertEquals(KEY, assertThrows(CorruptStateException.class,
                () -> store.getBatch(List.of("good", KEY))).getKey());
        assertArrayEquals(bytes, Files.readAllBytes(file), "the corrupt file is left as it was");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptDocuments")
    void settingTheKeyReplacesTheCorruptDocument(String description, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        store.set(KEY, state(KEY));
        assertEquals(state(KEY), store.get(KEY).orElseThrow());
    }

    @Test
    void unknownStatusIsNamedInTheMessage() throws IOException {
        Files.write(file, utf8(new String(VALID, StandardCharsets.UTF_8).replace("\"created\"", "\"bogus\"")));
        CorruptStateException e = assertThrows(CorruptStateException.class, () -> store.get(KEY));
        assertTrue(e.getMessage().contains("$.status") && e.getMessage().contains("bogus"), e.getMessage());
    }

    private static byte[] invalidUtf8(String valid) {
        byte[] bytes = utf8(valid.replace("test::Thing", "test::Th?ng"));
        bytes[valid.indexOf("Thing") + 2] = (byte) 0xff;
        return bytes;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
