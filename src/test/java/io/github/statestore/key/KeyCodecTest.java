package io.github.statestore.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.InvalidKeyException;
import io.github.statestore.contract.AwkwardKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Key encoding on the awkward-key corpus, exact examples, every short escape-alphabet string, and limits. */
class KeyCodecTest {

    @Test
    void awkwardKeysRoundTripAndEncodePairwiseDistinct() {
        Map<String, String> keyByEncoding = new HashMap<>();
        for (String key : AwkwardKeys.ALL) {
            String encoded = KeyCodec.encode(key);
            assertEquals(key, KeyCodec.decode(encoded));
            String earlier = keyByEncoding.put(encoded, key);
            assertNull(earlier, () -> key + " and " + earlier + " both encode as " + encoded);
        }
    }

    @Test
    void encodesAsTheDesignSays() {
        assertEquals("api:database:connection", KeyCodec.encode("api/database/connection"));
        assertEquals("a%3Ab", KeyCodec.encode("a:b"));
        assertEquals("50%25", KeyCodec.encode("50%"));
        assertEquals("%253A", KeyCodec.encode("%3A"));
        assertEquals("mixed:%3A%25", KeyCodec.encode("mixed/:%"));
        assertEquals("emoji 😀", KeyCodec.encode("emoji 😀"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"50%", "a%3ab", "%2F", "%", "%3", "%2", "a/b", ""})
    void decodeRejectsWhatEncodeNeverWrites(String name) {
        assertThrows(InvalidKeyException.class, () -> KeyCodec.decode(name));
    }

    @Test
    void decodeRejectsNamesOverTheLimit() {
        assertThrows(InvalidKeyException.class, () -> KeyCodec.decode("k".repeat(1025)));
    }

    @Test
    void decodeRejectsNamesOfInvalidKeys() {
        assertThrows(InvalidKeyException.class, () -> KeyCodec.decode("a\u0000b"));
        assertThrows(InvalidKeyException.class, () -> KeyCodec.decode("\ud800"));
    }

    @Test
    void everyShortStringOverTheEscapeAlphabetHasOneEncodingAndDecodesOnlyFromIt() {
        Map<String, String> keyByEncoding = new HashMap<>();
        for (String s : allStrings("/:%25A3a", 4)) {
            String encoded = KeyCodec.encode(s);
            String earlier = keyByEncoding.put(encoded, s);
            assertNull(earlier, () -> s + " and " + earlier + " both encode as " + encoded);
            String decoded = decodeOrNull(s);
            assertTrue(decoded == null || KeyCodec.encode(decoded).equals(s), () -> "decode accepted " + s);
        }
    }

    @Test
    void theLimitIs1024EncodedBytes() {
        assertEquals(AwkwardKeys.LONGEST_ASCII, KeyCodec.decode(KeyCodec.encode(AwkwardKeys.LONGEST_ASCII)));
        assertEquals(AwkwardKeys.LONGEST_UNICODE, KeyCodec.decode(KeyCodec.encode(AwkwardKeys.LONGEST_UNICODE)));
        KeyCodec.validate("%".repeat(341));
        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> KeyCodec.encode("%".repeat(342)));
        assertEquals("%".repeat(342), e.getKey());
        assertTrue(e.getMessage().contains("1026"), e.getMessage());
        assertThrows(InvalidKeyException.class, () -> KeyCodec.encode(AwkwardKeys.LONGEST_ASCII + "k"));
        assertThrows(InvalidKeyException.class, () -> KeyCodec.encode("😀".repeat(256) + "k"));
    }

    @Test
    void emptyAndNullKeysAreRejectedNamingTheKey() {
        assertEquals("", assertThrows(InvalidKeyException.class, () -> KeyCodec.encode("")).getKey());
        assertNull(assertThrows(InvalidKeyException.class, () -> KeyCodec.encode(null)).getKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000", "\u001f", "x\u007f", "\u0080y", "\u009f", "\ud83d", "\ude00x", "\ude00\ud83d"})
    void controlCharactersAndUnpairedSurrogatesAreRejectedNamingTheKey(String key) {
        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> KeyCodec.encode(key));
        assertEquals(key, e.getKey());
        assertTrue(e.getMessage().contains("index"), e.getMessage());
    }

    private static String decodeOrNull(String name) {
        try {
            return KeyCodec.decode(name);
        } catch (InvalidKeyException notAnEncoding) {
            return null;
        }
    }

    private static List<String> allStrings(String alphabet, int maxLength) {
        List<String> all = new ArrayList<>();
        List<String> previous = List.of("");
        for (int length = 1; length <= maxLength; length++) {
            List<String> next = new ArrayList<>();
            for (String prefix : previous) {
                for (char c : alphabet.toCharArray()) {
                    next.add(prefix + c);
                }
            }
            all.addAll(next);
            previous = next;
        }
        return all;
    }
}
