package io.github.statestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Lock names are checked as keys are, plus the FileSystem's file-name limit, and a ttl under 100 ms is refused. */
class LockArgumentsTest {
    private static final Scope SCOPE = Scope.of("app", "dev");
    private static final Duration TTL = Duration.ofSeconds(10);
    /** The longest lock name a FileSystem store can hold: 255 bytes less {@code %!lock.} and {@code .json}. */
    private static final int FS_MAX_NAME_BYTES = 242;

    @TempDir
    Path dir;
    private StateStore store;

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    static Stream<Arguments> badNames() {
        return Stream.of("memory", "file").flatMap(backend -> Stream.of(null, "", ".", "..", "a\u0000b", "tab\there",
                "del\u007f", "c1\u0085", "lone\ud800").map(name -> Arguments.of(backend, name)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badNames")
    void aLockNameThatIsNoValidKeyIsRefusedAsAKeyIs(String backend, String name) {
        store = open(backend);
        assertThrows(InvalidKeyException.class, () -> store.set(name, state()));
        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> store.lock(name, TTL));
        assertEquals(name, e.getKey());
        assertThrows(InvalidKeyException.class, () -> store.lock(name, TTL, Duration.ofSeconds(1)));
        assertThrows(InvalidKeyException.class, () -> store.forceUnlock(name));
    }

    @ParameterizedTest
    @ValueSource(ints = {FS_MAX_NAME_BYTES + 1, 1024})
    void aLockNameTooLongForAFileNameIsRefusedNamingIt(int length) throws IOException {
        store = open("file");
        String name = "n".repeat(length);
        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> store.lock(name, TTL));
        assertEquals(name, e.getKey());
        assertTrue(e.getMessage().contains("n".repeat(200)), e.getMessage());
        assertTrue(e.getMessage().contains("at most " + FS_MAX_NAME_BYTES + " bytes"), e.getMessage());
        assertThrows(InvalidKeyException.class, () -> store.forceUnlock(name));
        assertFalse(containsAFile(dir), "a refused lock wrote something");
    }

    @Test
    void theFileNameLimitCountsBytesAndTheLongestNameThatFitsIsLocked() {
        store = open("file");
        String twoByteChars = "é".repeat(FS_MAX_NAME_BYTES / 2 + 1);
        assertThrows(InvalidKeyException.class, () -> store.lock(twoByteChars, TTL));
        try (Lease lease = store.lock("n".repeat(FS_MAX_NAME_BYTES), TTL)) {
            assertTrue(lease.isHeld());
        }
    }

    @Test
    void aLockNameTooLongForAFileIsFineInMemory() {
        store = open("memory");
        try (Lease lease = store.lock("n".repeat(FS_MAX_NAME_BYTES + 1), TTL)) {
            assertTrue(lease.isHeld());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "file"})
    void aTtlUnder100MillisecondsIsRefusedAndTakesNothing(String backend) {
        store = open(backend);
        for (Duration ttl : new Duration[] {Duration.ofMillis(99), Duration.ZERO, Duration.ofSeconds(-1)}) {
            InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> store.lock("deploy", ttl));
            assertTrue(e.getMessage().contains(ttl.toString()), e.getMessage());
        }
        try (Lease lease = store.lock("deploy", Duration.ofMillis(100))) {
            assertEquals(1, lease.fencingToken(), "a refused lock took the lock or raised its token");
        }
    }

    private StateStore open(String backend) {
        StoreConfig config = backend.equals("memory") ? StoreConfig.memory()
                : StoreConfig.fileSystem(dir.resolve("root"));
        return config.open(SCOPE);
    }

    private static boolean containsAFile(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.anyMatch(Files::isRegularFile);
        }
    }

    private static State state() {
        return State.builder().status(State.Status.CREATED).kind("test::Thing").id("x").fqn("app/dev/x").build();
    }
}
