package io.github.statestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.fs.FileSystemConfig;
import io.github.statestore.jdbc.JdbcConfig;
import io.github.statestore.memory.MemoryConfig;
import io.github.statestore.r2.R2Config;
import io.github.statestore.s3.S3Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code historyVersions} and {@code historyFor} in every store's URL: the policy they make, the defaults
 * without them, what else of the URL stays as it was, and errors that name the parameter.
 */
class HistoryUrlTest {
    private static final Map<String, String> R2_KEYS = Map.of("R2_ACCESS_KEY_ID", "id", "R2_SECRET_ACCESS_KEY",
            "secret");
    private static final HistoryPolicy BOTH = HistoryPolicy.builder().keepVersions(10).keepFor(Duration.ofDays(30))
            .build();

    private static StoreConfig parse(String url) {
        Map<String, String> env = new java.util.HashMap<>(R2_KEYS);
        env.put("STATESTORE_URL", url);
        return StoreConfig.fromEnv(env);
    }

    /** Each scheme's URL, with {@code %s} where its query's history parameters go ({@code ?…} or {@code &…}). */
    private static final Map<String, Function<StoreConfig, HistoryPolicy>> SCHEMES = Map.of(
            "file:.alchemy%s", c -> ((FileSystemConfig) c).history(),
            "file:///tmp/state%s", c -> ((FileSystemConfig) c).history(),
            "memory:%s", c -> ((MemoryConfig) c).history(),
            "s3://bucket/prefix/%s", c -> ((S3Config) c).history(),
            "r2://0123456789abcdef0123456789abcdef/bucket%s", c -> ((R2Config) c).history(),
            "jdbc:sqlite:state.db%s", c -> ((JdbcConfig) c).history());

    @Test
    void everySchemeTakesBothParametersAndDefaultsToOff() {
        SCHEMES.forEach((url, history) -> {
            assertEquals(HistoryPolicy.off(), history.apply(parse(url.formatted(""))), url);
            assertEquals(HistoryPolicy.keepVersions(10),
                    history.apply(parse(url.formatted("?historyVersions=10"))), url);
            assertEquals(HistoryPolicy.keepFor(Duration.ofMinutes(1)),
                    history.apply(parse(url.formatted("?historyFor=60000"))), url);
            assertEquals(BOTH, history.apply(parse(url.formatted("?historyFor=P30D&historyVersions=10"))), url);
        });
    }

    @Test
    void theRestOfTheUrlIsReadAsBefore() {
        FileSystemConfig relative = assertInstanceOf(FileSystemConfig.class,
                parse("file:state/dir?historyVersions=3"));
        assertEquals(Path.of("state/dir"), relative.root());
        assertEquals(Path.of("/tmp/a b"), ((FileSystemConfig) parse("file:///tmp/a%20b?historyVersions=3")).root());
        JdbcConfig jdbc = (JdbcConfig) parse("jdbc:postgresql://db/platform?user=state&historyVersions=3&ssl=true"
                + "&table=app_state");
        assertEquals("jdbc:postgresql://db/platform?user=state&ssl=true", jdbc.url().orElseThrow());
        assertEquals("app_state", jdbc.table());
        assertEquals(HistoryPolicy.keepVersions(3), jdbc.history());
        assertEquals("bucket", ((S3Config) parse("s3://bucket?region=eu-west-1&historyVersions=2")).bucket());
    }

    @ParameterizedTest
    @ValueSource(strings = {"historyVersions=0", "historyVersions=ten", "historyVersions=10001", "historyFor=0",
        "historyFor=soon", "historyFor=-PT1S"})
    void aBadValueNamesItsParameterOnEveryScheme(String parameter) {
        String name = parameter.substring(0, parameter.indexOf('='));
        SCHEMES.keySet().forEach(url -> {
            InvalidConfigException e = assertThrows(InvalidConfigException.class,
                    () -> parse(url.formatted("?" + parameter)), url);
            assertEquals(name + " in STATESTORE_URL", e.getSetting(), url);
        });
    }

    @Test
    void aMisspeltParameterIsNamedWithTheOneMeant() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> parse("memory:?historyVersion=10"));
        assertTrue(e.getMessage().contains("did you mean 'historyVersions'?"), e.getMessage());
        assertThrows(InvalidConfigException.class, () -> parse("memory:extra"));
        assertThrows(InvalidConfigException.class, () -> parse("file:?historyVersions=1"));
    }
}
