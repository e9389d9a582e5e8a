package io.github.statestore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.State;
import io.github.statestore.StateStoreException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** History entry names: every fact reads back, the alphabet is safe for files and objects, order is by ordinal. */
class HistoryNameTest {

    @Test
    void everyBackendsVersionTokenReadsBackFromANameOfLowerCaseLettersDigitsAndPunctuation() {
        for (String token : List.of("\"0123456789abcdef0123456789abcdef\"", "\"0123456789abcdef0123456789abcdef-3\"",
                "Ab_-cD9xyZ012345", "unic₪de", "a.b/c:d%e")) {
            HistoryName name = new HistoryName(42, 1_714_557_600_000L, "00c0ffee", true, 312,
                    State.Status.UPDATED, -3, token);
            String text = name.text();
            assertTrue(text.matches("[a-z0-9._-]+"), text);
            assertEquals(name, HistoryName.parse(text), text);
        }
    }

    @Test
    void aDocumentWithoutAStatusHasNeitherStatusNorSeq() {
        HistoryName name = new HistoryName(1, 0, "00000000", false, 0, null, 0, "v");
        assertEquals("1.0.00000000.w.0.x.x.v", name.text());
        assertEquals(name, HistoryName.parse(name.text()));
        assertTrue(name.entry().status().isEmpty());
        assertTrue(name.entry().seq().isEmpty());
    }

    @Test
    void namesThisStoreDoesNotWriteAreNotRead() {
        for (String foreign : List.of("", "a.json", ".0123456789abcdef.tmp", "1.0.00000000.w.0.x.x.",
                "1.0.0000000g.w.0.x.x.v", "1.0.00000000.u.0.x.x.v", "0.0.00000000.w.0.x.x.v",
                "1.0.00000000.w.0.1.fine.v", "1.0.00000000.w.0.x.x.V", "1.0.00000000.w.0.x.x.v_4", "a.b.c")) {
            assertNull(HistoryName.parse(foreign), foreign);
        }
    }

    @Test
    void entriesSortNewestFirstByOrdinalWhateverTheirClocksSay() {
        HistoryName early = new HistoryName(2, 5_000, "00000000", false, 1, null, 0, "b");
        HistoryName late = new HistoryName(1, 9_000, "00000000", false, 1, null, 0, "a");
        HistoryName tie = new HistoryName(2, 5_000, "ffffffff", false, 1, null, 0, "c");
        List<HistoryName> names = new ArrayList<>(List.of(late, early, tie));
        names.sort(HistoryName.NEWEST_FIRST);
        assertEquals(List.of(tie, early, late), names);
    }

    @Test
    void aVersionTokenTooLongForANameIsRefused() {
        HistoryName name = new HistoryName(1, 0, "00000000", false, 0, null, 0, "\"".repeat(80));
        StateStoreException e = assertThrows(StateStoreException.class, name::text);
        assertTrue(e.getMessage().contains("too long to keep in history"), e.getMessage());
    }
}
