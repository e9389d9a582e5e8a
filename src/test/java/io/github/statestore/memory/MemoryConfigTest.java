package io.github.statestore.memory;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.InvalidConfigException;
import io.github.statestore.StoreConfig;
import org.junit.jupiter.api.Test;

/**
 * Holds what configuration.md, memory.md and secrets.md say of a memory space's password, and that a memory
 * config, being its own space, equals only itself.
 */
class MemoryConfigTest {
    private static final String PASSWORD = "pw-Zq7rX4-never-printed";

    @Test
    void anEmptyPasswordIsRefusedAsTheBuildersRefuseIt() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> new MemoryConfig(""));
        assertEquals("password", e.getSetting());
    }

    @Test
    void aNullPasswordMeansNoneIsConfigured() {
        assertDoesNotThrow(() -> new MemoryConfig(null));
        assertFalse(new MemoryConfig(null).hasPassword());
        assertFalse(StoreConfig.memory().hasPassword());
        assertTrue(new MemoryConfig(PASSWORD).hasPassword());
    }

    @Test
    void eachConfigIsItsOwnSpaceSoItEqualsOnlyItself() {
        MemoryConfig space = new MemoryConfig(PASSWORD);
        assertEquals(space, space);
        assertNotEquals(space, new MemoryConfig(PASSWORD));
        assertNotEquals(StoreConfig.memory(), StoreConfig.memory());
        assertNotEquals(StoreConfig.parse("memory:"), StoreConfig.parse("memory:"));
    }

    @Test
    void toStringNamesTheSpaceAndNeverShowsThePassword() {
        MemoryConfig space = new MemoryConfig(PASSWORD);
        String text = space.toString();
        assertFalse(text.contains(PASSWORD), text);
        assertEquals("MemoryConfig@" + Integer.toHexString(System.identityHashCode(space)) + "{password=set}", text);
        assertTrue(new MemoryConfig().toString().endsWith("{password=none}"), new MemoryConfig().toString());
    }
}
