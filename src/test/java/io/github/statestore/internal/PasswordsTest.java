package io.github.statestore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.InvalidConfigException;
import io.github.statestore.fs.FileSystemConfig;
import io.github.statestore.r2.R2Config;
import io.github.statestore.s3.S3Config;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Password precedence (config, STATESTORE_PASSWORD, ALCHEMY_PASSWORD); no config shows or takes an empty one. */
class PasswordsTest {
    private static final String PASSWORD = "hunter2-config-password";

    @Test
    void theConfigWinsThenStatestoreThenAlchemy() {
        Map<String, String> both = env("from-statestore", "from-alchemy");
        assertEquals(PASSWORD, Passwords.resolve(PASSWORD, both));
        assertEquals("from-statestore", Passwords.resolve(null, both));
        assertEquals("from-alchemy", Passwords.resolve(null, env(null, "from-alchemy")));
        assertNull(Passwords.resolve(null, Map.of()));
    }

    @Test
    void emptyValuesAreSkipped() {
        assertEquals("from-statestore", Passwords.resolve("", env("from-statestore", "from-alchemy")));
        assertEquals("from-alchemy", Passwords.resolve("", env("", "from-alchemy")));
        assertNull(Passwords.resolve("", env("", "")));
    }

    @Test
    void theCodecHasAPasswordOnlyWhenOneIsFound() {
        assertTrue(Passwords.codec(null, env(null, "from-alchemy")).hasPassword());
        assertFalse(Passwords.codec(null, env("", "")).hasPassword());
    }

    @Test
    void noConfigShowsThePassword() {
        List<Object> configs = List.of(
                FileSystemConfig.builder().password(PASSWORD).build(),
                S3Config.builder().bucket("my-state").password(PASSWORD).build(),
                r2().password(PASSWORD).build());
        for (Object config : configs) {
            assertFalse(config.toString().contains(PASSWORD), config.toString());
            assertTrue(config.toString().contains("password=set"), config.toString());
        }
        assertTrue(FileSystemConfig.builder().build().toString().contains("password=none"));
    }

    @Test
    void anEmptyPasswordIsRejected() {
        rejects(() -> FileSystemConfig.builder().password(""));
        rejects(() -> S3Config.builder().password(""));
        rejects(() -> r2().password(""));
    }

    private static void rejects(Executable setter) {
        assertEquals("password", assertThrows(InvalidConfigException.class, setter).getSetting());
    }

    private static R2Config.Builder r2() {
        return R2Config.builder().accountId("0123456789abcdef0123456789abcdef").bucket("my-state")
                .accessKeyId("e5f0c3a1b2d4e6f8a0b1c2d3e4f5a6b7").secretAccessKey("f".repeat(64));
    }

    private static Map<String, String> env(String statestore, String alchemy) {
        Map<String, String> env = new HashMap<>();
        env.put(Passwords.STATESTORE_PASSWORD, statestore);
        env.put(Passwords.ALCHEMY_PASSWORD, alchemy);
        return env;
    }
}
