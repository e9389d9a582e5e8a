package io.github.statestore.memory;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.statestore.InvalidConfigException;
import org.junit.jupiter.api.Test;

/** Holds what configuration.md, memory.md and secrets.md say of a memory space's password. */
class MemoryConfigTest {

    @Test
    void anEmptyPasswordIsRefusedAsTheBuildersRefuseIt() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> new MemoryConfig(""));
        assertEquals("password", e.getSetting());
    }

    @Test
    void aNullPasswordMeansNoneIsConfigured() {
        assertDoesNotThrow(() -> new MemoryConfig(null));
    }
}
