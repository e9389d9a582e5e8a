package io.github.statestore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/** JsonText writes byte for byte what Node's JSON.stringify writes, for a corpus and 5,000 random doubles. */
class JsonTextNodeTest {
    private static final String CORPUS = """
            {
              "status": "created", "kind": "aws::Bucket", "id": "assets", "fqn": "my-app/prod/assets", "seq": 3,
              "data": {}, "props": {"name": "assets", "tags": [], "nested": {"a": [[], {}, [1, [2, [3]]]]}},
              "output": {"created": {"@date": "2024-01-02T03:04:05.678Z"}, "blob": {"@buffer": "AAEC"},
                "secret": {"@secret": {"version": "v1", "ciphertext": "x", "iv": "y", "salt": "z", "tag": "t"}},
                "sym": {"@symbol": "Symbol(x)"}, "scope": {"@scope": null}, "schema": {"@schema": {"type": "string"}}},
              "strings": ["", "\\"", "\\\\", "/", "\\/", "\\b\\f\\n\\r\\t", "\\u0000\\u0001\\u000b\\u001b\\u001f",
                "\\u007f\\u0080\\u009f\\u00a0", "\\u2028\\u2029", "\\ud800", "\\udfff", "a\\udc00\\ud800b",
                "\\ud83d\\ude00", "😀🎉", "é₪家", "\\ufeff\\uffff", "\\ud83d\\ud83d\\ude00\\ude00"],
              "keys": {"a\\"b": 1, "\\n": 2, "": 3, "😀": 4},
              "integers": [0, -0, 1, -1, 42, 9007199254740991, 9007199254740992, -9007199254740992,
                18446744073709552000, 123456789012345680000, 100000000000000000000],
              "doubles": [0.0, -0.0, 0.1, 1.5, -1.5, 1.0, 1e2, 1E21, 1e21, 1e-7, 1.5e-7, 1e-6, 0.000001, 2.5e-5,
                1.2345678901234568e20, 5e-324, 4.9e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
                0.30000000000000004, 1e100, 123e-20, 123456.789, 9007199254740993.0, 1.0e22, 1e23, 5e-7,
                0.1e1, 3.14159265358979323846, 1.7976931348623157e-300],
              "literals": [true, false, null]
            }""";

    @Test
    void writesTheCorpusAsNodeDoes() throws Exception {
        assertSameText(NodeJson.stringify(CORPUS), JsonText.write(parse(CORPUS)));
    }

    @Test
    void writesRandomDoublesAsNodeDoes() throws Exception {
        Random random = new Random(20240607);
        StringJoiner doubles = new StringJoiner(",\n", "{\"doubles\": [", "]}");
        for (int i = 0; i < 5000; i++) {
            double d = switch (i % 5) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
                case 2 -> Math.round(random.nextDouble() * 1e6) / Math.pow(10, random.nextInt(12));
                case 3 -> Math.scalb(random.nextBoolean() ? 1.0 : -1.0, random.nextInt(2098) - 1074);
                default -> Double.longBitsToDouble(random.nextLong() >>> random.nextInt(12));
            };
            if (Double.isFinite(d)) {
                doubles.add(Double.toString(d));
            }
        }
        String json = doubles.toString();
        assertSameText(NodeJson.stringify(json), JsonText.write(parse(json)));
    }

    private static Object parse(String json) throws Exception {
        return JsonParsing.parseObject(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertSameText(String expected, String actual) {
        String[] want = expected.split("\n", -1);
        String[] got = actual.split("\n", -1);
        for (int i = 0; i < Math.min(want.length, got.length); i++) {
            assertEquals(want[i], got[i], "line " + (i + 1));
        }
        assertEquals(expected, actual);
    }
}
