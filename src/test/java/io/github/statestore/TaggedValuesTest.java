package io.github.statestore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dates and bytes read and written in Alchemy's tagged forms, and clear errors for anything else. */
class TaggedValuesTest {
    @Test
    void datesUseDateToIsoStringsForm() {
        assertEquals(Map.of("@date", "1970-01-01T00:00:00.000Z"), TaggedValues.date(Instant.EPOCH));
        assertEquals(Map.of("@date", "2026-11-23T08:09:10.123Z"),
                TaggedValues.date(Instant.parse("2026-11-23T08:09:10.123456789Z")));
        assertEquals(Instant.parse("1970-01-01T00:00:00Z"),
                TaggedValues.asDate(Map.of("@date", "1970-01-01T00:00:00.000Z")));
        Instant now = Instant.parse("2030-01-02T03:04:05.678Z");
        assertEquals(now, TaggedValues.asDate(TaggedValues.date(now)));
    }

    /** Expected strings printed by Node 20's {@code new Date(ms).toISOString()}. */
    @Test
    void yearsOutside0To9999TakeASignAndSixDigitsAsInJavaScript() {
        Map<Long, String> js = Map.of(
                253402300799999L, "9999-12-31T23:59:59.999Z",
                253402300800000L, "+010000-01-01T00:00:00.000Z",
                -62167219200000L, "0000-01-01T00:00:00.000Z",
                -62198755200000L, "-000001-01-01T00:00:00.000Z",
                8640000000000000L, "+275760-09-13T00:00:00.000Z",
                -8640000000000000L, "-271821-04-20T00:00:00.000Z");
        js.forEach((millis, text) -> {
            Instant instant = Instant.ofEpochMilli(millis);
            assertEquals(Map.of("@date", text), TaggedValues.date(instant), text);
            assertEquals(instant, TaggedValues.asDate(TaggedValues.date(instant)), text);
        });
    }

    @Test
    void instantsNoJavaScriptDateHoldsAreRefusedByName() {
        Instant past = Instant.ofEpochMilli(8640000000000001L);
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> TaggedValues.date(past));
        assertTrue(e.getMessage().contains(past.toString()), e.getMessage());
        assertEquals("instant", e.getParameter());
        assertThrows(InvalidArgumentException.class, () -> TaggedValues.date(Instant.MAX));
        assertThrows(InvalidArgumentException.class, () -> TaggedValues.date(Instant.ofEpochMilli(-8640000000000001L)));
        assertEquals(Map.of("@date", "+275760-09-13T00:00:00.000Z"),
                TaggedValues.date(Instant.ofEpochMilli(8640000000000000L).plusNanos(999_999)));
    }

    @Test
    void buffersAreBase64() {
        byte[] bytes = {0, 1, 2, (byte) 0xfa, (byte) 0xff};
        assertEquals(Map.of("@buffer", "AAEC+v8="), TaggedValues.buffer(bytes));
        assertArrayEquals(bytes, TaggedValues.asBuffer(Map.of("@buffer", "AAEC+v8=")));
    }

    @Test
    void otherValuesAreRefusedWithTheTagNamed() {
        InvalidStateException e = assertThrows(InvalidStateException.class,
                () -> TaggedValues.asDate(Map.of("@buffer", "AA==")));
        assertTrue(e.getMessage().contains("@date"), e.getMessage());
        assertThrows(InvalidStateException.class, () -> TaggedValues.asDate(Map.of("@date", "yesterday")));
        assertThrows(InvalidStateException.class, () -> TaggedValues.asDate(null));
        assertThrows(InvalidStateException.class, () -> TaggedValues.asBuffer(Map.of("@buffer", "not base64!")));
        assertThrows(InvalidStateException.class, () -> TaggedValues.asBuffer("AAEC"));
    }

    @Test
    void isTaggedMeansAOneEntryMapWithTheTag() {
        assertTrue(TaggedValues.isTagged(Map.of("@date", "x"), TaggedValues.DATE));
        assertFalse(TaggedValues.isTagged(Map.of("@date", "x", "other", 1), TaggedValues.DATE));
        assertFalse(TaggedValues.isTagged(Map.of("@buffer", "x"), TaggedValues.DATE));
        assertFalse(TaggedValues.isTagged("2020", TaggedValues.DATE));
    }
}
