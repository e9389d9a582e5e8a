package io.github.statestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.memory.MemoryConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code put --ttl}, {@code get --expiry} and {@code purge} run as a user runs them: on one in-memory store that
 * every run of a test shares (a backend that keeps expiry), and on the zip: store of docs/backends.md, whose
 * backend keeps none.
 */
class CliExpiryTest {
    private static final String DOC = """
            {
              "status": "created",
              "kind": "aws::Bucket",
              "id": "assets",
              "fqn": "my-app/dev/assets",
              "seq": 1,
              "data": {},
              "props": {},
              "output": {}
            }""";
    private static final Scope DEV = Scope.of("my-app", "dev");

    private final StoreConfig memory = new MemoryConfig();

    @TempDir
    Path dir;

    private CliRun cli(String... args) {
        return CliRun.on(memory, "", args);
    }

    private CliRun put(String scope, String key, String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "put";
        System.arraycopy(options, 0, args, 1, options.length);
        args[options.length + 1] = scope;
        args[options.length + 2] = key;
        CliRun put = CliRun.on(memory, DOC, args);
        assertEquals(0, put.code(), put::toString);
        return put;
    }

    private Instant expiresAt(Scope scope, String key) {
        try (StateStore store = memory.open(scope)) {
            return store.expiresAt(key).orElseThrow();
        }
    }

    /** Waits until this machine's clock is past an instant. */
    private static void waitUntilPast(Instant instant) throws InterruptedException {
        long millis;
        while ((millis = Duration.between(Instant.now(), instant).toMillis()) >= 0) {
            Thread.sleep(millis + 1);
        }
    }

    @Test
    void putWithTtlWritesAnExpiryThatGetShowsAndAPlainPutRemoves() {
        Instant before = Instant.now();
        assertEquals("", put("my-app/dev", "assets", "--ttl", "1h").out());
        Instant after = Instant.now();

        Instant expiresAt = expiresAt(DEV, "assets");
        assertFalse(expiresAt.isBefore(before.plus(Duration.ofHours(1))), expiresAt + " after " + before);
        assertFalse(expiresAt.isAfter(after.plus(Duration.ofHours(1)).plusMillis(1)), expiresAt + " after " + after);
        CliRun get = cli("get", "--expiry", "my-app/dev", "assets");
        assertEquals(0, get.code(), get::toString);
        assertEquals(expiresAt + "\n", get.out());
        assertEquals("\"" + expiresAt + "\"\n", cli("--json", "get", "--expiry", "my-app/dev", "assets").out());
        assertTrue(cli("get", "my-app/dev", "assets").out().startsWith("{\n  \"status\": \"created\""),
                "without --expiry, get prints the state");

        put("my-app/dev", "assets");
        assertEquals("never\n", cli("get", "--expiry", "my-app/dev", "assets").out());
        assertEquals("null\n", cli("--json", "get", "--expiry", "my-app/dev", "assets").out());
        CliRun absent = cli("get", "--expiry", "my-app/dev", "never-was");
        assertEquals(1, absent.code(), absent::toString);
        assertEquals("statestore: no key \"never-was\" in scope my-app/dev\n", absent.err());
    }

    @Test
    void ttlTakesAUnitOrIso8601() {
        DurationConverter converter = new DurationConverter();
        assertEquals(Duration.ofMillis(500), converter.convert("500ms"));
        assertEquals(Duration.ofSeconds(90), converter.convert("90s"));
        assertEquals(Duration.ofMinutes(15), converter.convert("15m"));
        assertEquals(Duration.ofHours(1), converter.convert("1h"));
        assertEquals(Duration.ofDays(7), converter.convert("7d"));
        assertEquals(Duration.ofHours(1), converter.convert("PT1H"));
        assertEquals(Duration.ofDays(7), converter.convert("P7D"));
        assertEquals(Duration.ofMinutes(90), converter.convert("pt1h30m"));
        for (String bad : new String[] {"90", "1x", "1.5h", "h", "", "-5s", "0s", "PT0S", "PT-1H", "PT",
                "99999999999999999d"}) {
            assertThrows(TypeConversionException.class, () -> converter.convert(bad), bad);
        }
    }

    @Test
    void aBadTtlIsAUsageErrorNamingTheOptionAndTheValueAndNothingIsWritten() {
        for (String bad : new String[] {"90", "1x", "0s", "-5s"}) {
            CliRun put = CliRun.on(memory, DOC, "put", "--ttl", bad, "my-app/dev", "assets");
            assertEquals(2, put.code(), put::toString);
            assertTrue(put.err().startsWith("statestore: Invalid value for option '--ttl': '" + bad + "' is not a"),
                    put::toString);
            assertTrue(put.err().endsWith("Try 'statestore put --help' for more information.\n"), put::toString);
        }
        CliRun tooLong = CliRun.on(memory, DOC, "put", "--ttl", "36501d", "my-app/dev", "assets");
        assertEquals(1, tooLong.code(), tooLong::toString);
        assertTrue(tooLong.err().startsWith("statestore: Invalid argument ttl: must be from 1 ms to 36,500 days, was"
                + " PT876024H for key 'assets'"), tooLong::toString);
        assertEquals("", cli("ls", "my-app/dev").out());
    }

    @Test
    void purgeRemovesEachScopesExpiredEntriesAndKeepsTheRest() throws InterruptedException {
        put("my-app/dev", "a", "--ttl", "100ms");
        put("my-app/dev", "b", "--ttl", "100ms");
        put("my-app/dev", "kept", "--ttl", "1h");
        put("my-app/dev", "permanent");
        put("my-app/prod", "c", "--ttl", "100ms");
        // each expiry is at most 100 ms, rounded up to the millisecond, after its put returned
        waitUntilPast(Instant.now().plusMillis(101));

        CliRun purge = cli("purge", "my-app/dev", "my-app/prod", "other");
        assertEquals(0, purge.code(), purge::toString);
        assertEquals("my-app/dev: 2 expired entries removed\nmy-app/prod: 1 expired entry removed\n"
                + "other: 0 expired entries removed\n", purge.out());
        assertEquals("", purge.err());
        assertEquals("kept\npermanent\n", cli("ls", "my-app/dev").out());
        assertEquals("[{\"scope\":\"my-app/dev\",\"removed\":0},{\"scope\":\"my-app/prod\",\"removed\":0}]\n",
                cli("--json", "purge", "my-app/dev", "my-app/prod").out(), "purge counts only its own removals");
    }

    @Test
    void purgeWithoutAScopeIsAUsageError() {
        CliRun purge = cli("purge");
        assertEquals(2, purge.code(), purge::toString);
        assertEquals("statestore: Missing required parameter: 'SCOPE'\n"
                + "Try 'statestore purge --help' for more information.\n", purge.err());
    }

    @Test
    void aStoreWhoseBackendKeepsNoExpiryFailsSayingSoAndWritesNothing() {
        String url = "zip:" + dir;
        CliRun put = CliRun.with(Map.of(), DOC, "--url", url, "put", "--ttl", "1h", "my-app/dev", "assets");
        assertEquals(1, put.code(), put::toString);
        assertTrue(put.err().startsWith("statestore: The store of scope my-app/dev cannot expire entries: its"
                + " backend, "), put::toString);
        assertTrue(put.err().endsWith(" keeps no expiry (com.example.zipstore.ZipBackend.keepsExpiry() is false)\n"),
                put::toString);
        assertEquals("", CliRun.of("--url", url, "ls", "my-app/dev").out(), "nothing written");

        CliRun purge = CliRun.of("--url", url, "purge", "my-app/dev");
        assertEquals(1, purge.code(), purge::toString);
        assertEquals("", purge.out());
        assertTrue(purge.err().contains("cannot expire entries"), purge::toString);
        assertEquals(1, purge.err().lines().count(), purge::toString);

        assertEquals(0, CliRun.with(Map.of(), DOC, "--url", url, "put", "my-app/dev", "assets").code());
        CliRun get = CliRun.of("--url", url, "get", "--expiry", "my-app/dev", "assets");
        assertEquals(1, get.code(), get::toString);
        assertTrue(get.err().contains("cannot expire entries"), get::toString);
    }
}
