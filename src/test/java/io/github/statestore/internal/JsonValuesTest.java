package io.github.statestore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.statestore.InvalidStateException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Copied values compare equal to what their JSON text reads back as, so a written state equals its read. */
class JsonValuesTest {

    @Property(tries = 1000)
    void aDoubleEqualsItsJsonReadBack(@ForAll double d) {
        Assume.that(Double.isFinite(d));
        assertEquals(JsonValues.copy(d, "$"), readBack(d));
    }

    @Property(tries = 300)
    void aLongEqualsItsJsonReadBack(@ForAll long n) {
        assertEquals(JsonValues.copy(n, "$"), readBack(n));
    }

    @Test
    void integralDoublesBecomeIntegersAsTheirJsonReadsBack() {
        for (double d : new double[] {2.0, -0.0, 0.0, 1e15, 9007199254740992.0, 1e20, 1.2345678901234568e20,
                1e21, 1e300, 0.5, 4.9e-324}) {
            assertEquals(readBack(d), JsonValues.copy(d, "$"), () -> Double.toString(d));
        }
        assertEquals(2L, JsonValues.copy(2.0, "$"));
        assertEquals(0L, JsonValues.copy(-0.0f, "$"));
        assertEquals(new BigInteger("123456789012345680000"), JsonValues.copy(1.2345678901234568e20, "$"));
        assertEquals(1e21, JsonValues.copy(1e21, "$"));
    }

    @Test
    void integersAreLongUnlessTooBig() {
        List<Number> small = List.of(1, (short) 2, (byte) 3, BigInteger.valueOf(4));
        assertEquals(List.of(1L, 2L, 3L, 4L), JsonValues.copy(small, "$"));
        BigInteger big = BigInteger.ONE.shiftLeft(63);
        assertEquals(big, JsonValues.copy(big, "$"));
    }

    @Test
    void bigDecimalsAreRejectedNamingThePath() {
        InvalidStateException e = assertThrows(InvalidStateException.class,
                () -> JsonValues.copy(java.util.List.of(new java.math.BigDecimal("0.1000000000000000000001")), "$.x"));
        assertEquals("$.x[0]", e.getPath());
    }

    @Test
    void nonStringKeysAreRejectedNamingThePath() {
        InvalidStateException e = assertThrows(InvalidStateException.class,
                () -> JsonValues.copy(Map.of("a", Map.of(1, 2)), "$.props"));
        assertEquals("$.props.a", e.getPath());
    }

    private static Object readBack(Object value) {
        try {
            byte[] json = ("{\"v\": " + JsonText.write(value) + "}").getBytes(StandardCharsets.UTF_8);
            return JsonValues.copy(JsonParsing.parseObject(json).get("v"), "$");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
