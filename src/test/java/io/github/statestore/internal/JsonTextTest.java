package io.github.statestore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JsonText writes exactly what {@code JSON.stringify(v, null, 2)} writes, checked against known outputs. */
class JsonTextTest {

    @Test
    void indentsNestedObjectsAndArraysByTwoSpaces() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("d", List.of(List.of(1L), Map.of("e", "f")));
        inner.put("empty", new LinkedHashMap<>());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("a", 1L);
        doc.put("b", Arrays.asList(true, null, "x", Map.of(), List.of(), false));
        doc.put("c", inner);
        assertEquals("""
                {
                  "a": 1,
                  "b": [
                    true,
                    null,
                    "x",
                    {},
                    [],
                    false
                  ],
                  "c": {
                    "d": [
                      [
                        1
                      ],
                      {
                        "e": "f"
                      }
                    ],
                    "empty": {}
                  }
                }""", JsonText.write(doc));
    }

    @Test
    void writesTopLevelScalarsAndEmptyContainersWithoutNewline() {
        assertEquals("{}", JsonText.write(Map.of()));
        assertEquals("[]", JsonText.write(List.of()));
        assertEquals("null", JsonText.write(null));
        assertEquals("\"x\"", JsonText.write("x"));
        assertEquals("true", JsonText.write(true));
    }

    @Test
    void keepsMapOrder() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("z", 1L);
        doc.put("a", 2L);
        doc.put("m", 3L);
        assertEquals("{\n  \"z\": 1,\n  \"a\": 2,\n  \"m\": 3\n}", JsonText.write(doc));
    }

    @Test
    void escapesStringsAsJavaScriptDoes() {
        assertEquals("\"\\\"\\\\\\b\\f\\n\\r\\t/\"", JsonText.write("\"\\\b\f\n\r\t/"));
        assertEquals("\"\\u0000\\u0001\\u000b\\u000e\\u001b\\u001f\"",
                JsonText.write("\u0000\u0001\u000b\u000e\u001b\u001f"));
        assertEquals("\"\u007f\u0080\u009f\u00a0\"", JsonText.write("\u007f\u0080\u009f\u00a0"));
        assertEquals("\"\u2028\u2029é₪家\ufeff\uffff\"", JsonText.write("\u2028\u2029é₪家\ufeff\uffff"));
    }

    @Test
    void escapesLoneSurrogatesButNotPairs() {
        assertEquals("\"😀\"", JsonText.write("\ud83d\ude00"));
        assertEquals("\"\\ud800\"", JsonText.write("\ud800"));
        assertEquals("\"\\udfff\"", JsonText.write("\udfff"));
        assertEquals("\"a\\udc00\\ud800b\"", JsonText.write("a\udc00\ud800b"));
        assertEquals("\"\\ud83d😀\\ude00\"", JsonText.write("\ud83d\ud83d\ude00\ude00"));
    }

    @Test
    void escapesObjectKeysLikeStrings() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("a\"b\n", "v");
        doc.put("", null);
        assertEquals("{\n  \"a\\\"b\\n\": \"v\",\n  \"\": null\n}", JsonText.write(doc));
    }

    /** Integers keep every digit; any integer JavaScript writes (a double's digits) thus reads back alike. */
    @Test
    void writesIntegersExactly() {
        assertEquals("0", JsonText.write(0L));
        assertEquals("42", JsonText.write(42));
        assertEquals("-7", JsonText.write((short) -7));
        assertEquals("9223372036854775807", JsonText.write(Long.MAX_VALUE));
        assertEquals("-9223372036854775808", JsonText.write(Long.MIN_VALUE));
        String digits = "123456789012345678901234567890";
        assertEquals(digits, JsonText.write(new BigInteger(digits)));
        assertEquals("9007199254740992", JsonText.write(1L << 53));
    }

    @ParameterizedTest
    @CsvSource({
        "0.1, 0.1",
        "1.5, 1.5",
        "-1.5, -1.5",
        "1.0, 1",
        "100.0, 100",
        "1e21, 1e+21",
        "1e20, 100000000000000000000",
        "1.2345678901234568e20, 123456789012345680000",
        "1e-7, 1e-7",
        "1.5e-7, 1.5e-7",
        "0.000001, 0.000001",
        "2.5e-5, 0.000025",
        "123e-20, 1.23e-18",
        "4.9e-324, 5e-324",
        "2.2250738585072014e-308, 2.2250738585072014e-308",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "9007199254740992.0, 9007199254740992",
        "0.30000000000000004, 0.30000000000000004",
        "1e100, 1e+100",
        "123456.789, 123456.789",
        "6.502315289148564e18, 6502315289148564000",
        "-0.0, 0",
        "0.0, 0"})
    void writesDoublesAsJavaScriptDoes(double value, String expected) {
        assertEquals(expected, JsonText.write(value));
    }

    @Test
    void writesFloatsAsTheDoubleTheyWiden() {
        assertEquals("0.10000000149011612", JsonText.write(0.1f));
    }

    @Test
    void rejectsValuesWithoutAJsonForm() {
        assertThrows(IllegalArgumentException.class, () -> JsonText.write(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> JsonText.write(List.of(Double.POSITIVE_INFINITY)));
        assertThrows(IllegalArgumentException.class, () -> JsonText.write(Float.NEGATIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> JsonText.write(Map.of("d", new Date(0))));
        assertThrows(IllegalArgumentException.class, () -> JsonText.write(new ArrayList<>(List.of(new Object()))));
    }
}
