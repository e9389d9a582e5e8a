package io.github.statestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A version wraps any non-empty token; an empty or null one is refused by name, as a library exception. */
class VersionTest {

    @Test
    void aVersionIsItsToken() {
        assertEquals("\"9e10\"", Version.of("\"9e10\"").token());
        assertEquals(Version.of("a"), Version.of("a"));
        assertNotEquals(Version.of("a"), Version.of("b"));
    }

    @Test
    void anEmptyTokenIsAnInvalidArgumentQuotingIt() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> Version.of(""));
        assertEquals("token", e.getParameter());
        assertEquals("Invalid argument token: \"\" is no version: a version is a backend's non-empty token, such "
                + "as an ETag", e.getMessage());
    }
}
