package io.github.statestore.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.statestore.InvalidStateException;
import io.github.statestore.State;
import java.io.IOException;

/**
 * The {@code status} and {@code seq} of a document about to be kept in history, read with a streaming parser
 * that stops as soon as it has both (Alchemy writes them near the top), so that keeping a large document costs
 * no parse of all of it. Stateless and thread-safe.
 *
 * @param status the status, or {@code null} when the document has no valid one (then {@code seq} is 0)
 * @param seq the seq
 */
record HistoryFacts(State.Status status, long seq) {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(JsonLimits.readConstraints()).build();
    private static final HistoryFacts UNKNOWN = new HistoryFacts(null, 0);

    /**
     * Reads the facts of a document.
     *
     * @param document the bytes
     * @return its status and seq (0 when it has none, as {@link State#seq()} reads it), or unknown ones when the
     *     document is not a JSON object with a valid status at its top level, or its seq is not a number that
     *     fits a {@code long}
     */
    static HistoryFacts of(byte[] document) {
        String status = null;
        Long seq = null;
        try (JsonParser p = JSON.createParser(document)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return UNKNOWN;
            }
            while ((status == null || seq == null) && p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("status") && value == JsonToken.VALUE_STRING) {
                    status = p.getText();
                } else if (field.equals("seq") && value.isNumeric()) {
                    seq = p.getLongValue();
                } else {
                    p.skipChildren();
                }
            }
            return status == null ? UNKNOWN : new HistoryFacts(State.Status.fromJson(status), seq == null ? 0 : seq);
        } catch (IOException | InvalidStateException notAState) {
            return UNKNOWN;
        }
    }
}
