package io.github.statestore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.statestore.State;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The status and seq read from a document about to be kept, whatever else it holds. */
class HistoryFactsTest {
    private static HistoryFacts of(String json) {
        return HistoryFacts.of(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void statusAndSeqAreReadWhereverTheyAreAtTheTopLevel() {
        assertEquals(new HistoryFacts(State.Status.UPDATED, 3), of("{\"status\":\"updated\",\"seq\":3}"));
        assertEquals(new HistoryFacts(State.Status.DELETED, 9), of("{\"props\":{\"status\":\"created\",\"seq\":1},"
                + "\"list\":[{\"seq\":2}],\"seq\":9,\"status\":\"deleted\",\"output\":{}}"));
    }

    @Test
    void aStateWithoutSeqHasSeqZeroAsStateReadsIt() {
        assertEquals(new HistoryFacts(State.Status.CREATING, 0), of("{\"status\":\"creating\",\"kind\":\"k\"}"));
    }

    @Test
    void aDocumentWithoutAValidStatusHasNoFacts() {
        HistoryFacts unknown = new HistoryFacts(null, 0);
        for (String json : new String[] {"", "[]", "not json", "{\"seq\":1}", "{\"status\":\"bogus\",\"seq\":1}",
                "{\"status\":3}", "{\"status\":\"created\",\"seq\":123456789012345678901234567890}"}) {
            assertEquals(unknown, of(json), json);
        }
    }
}
