package io.github.statestore.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Exact Windows escapes, POSIX names left alone, and Windows unescape refusing names escape never writes. */
class NameStyleTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "api:database:connection | api%2Fdatabase%2Fconnection",
        "a%3Ab                   | a%253Ab",
        "'q?u*e<r>y\"'           | q%3Fu%2Ae%3Cr%3Ey%22",
        "'back\\slash|pipe'      | back%5Cslash%7Cpipe",
        "CON                     | %43ON",
        "con.txt                 | %63on.txt",
        "'NUL .tar.gz'           | '%4EUL .tar.gz'",
        "COM1                    | %43OM1",
        "lpt9.json               | %6Cpt9.json",
        "COM¹                    | %43OM¹",
        "CONSOLE                 | CONSOLE",
        "x.CON                   | x.CON",
        "unic₪de 😀              | unic₪de 😀",
        "'dev.'                  | dev%2E",
        "'dev '                  | dev%20",
        "'.a.'                   | .a%2E"})
    void windowsEscapesForbiddenCharactersAndDeviceNames(String name, String escaped) {
        assertEquals(escaped, NameStyle.WINDOWS.escape(name));
        assertEquals(name, NameStyle.WINDOWS.unescape(escaped));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a:b", "%", "CON", "q?u*e<r>y|\"", "back\\slash"})
    void posixNamesAreAlchemysNames(String name) {
        assertEquals(name, NameStyle.POSIX.escape(name));
        assertEquals(name, NameStyle.POSIX.unescape(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%2f", "%3a", "CON", "nul.txt", "a:b", "a%", "a%2", "%zz", "%41", "%%", "q?"})
    void windowsUnescapeRejectsNamesEscapeNeverWrites(String fileName) {
        assertNull(NameStyle.WINDOWS.unescape(fileName));
    }
}
