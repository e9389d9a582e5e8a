package io.github.statestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading state documents: statuses, and useful errors for text that is not a state. */
class StateJsonTest {
    /** A valid document without its closing brace. */
    private static final String MINIMAL = "{\"status\":\"created\",\"kind\":\"k\",\"id\":\"i\",\"fqn\":\"f\"";

    @ParameterizedTest
    @EnumSource(State.Status.class)
    void statusesAreLowerCaseInJson(State.Status status) {
        assertEquals(status.name().toLowerCase(java.util.Locale.ROOT), status.json());
        assertEquals(status, State.Status.fromJson(status.json()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATED", "Created", "create", "", "deleted "})
    void unknownStatusesAreRejected(String json) {
        InvalidStateException e = assertThrows(InvalidStateException.class, () -> State.Status.fromJson(json));
        assertEquals("$.status", e.getPath());
        assertTrue(e.getMessage().contains("\"" + json + "\""), e.getMessage());
    }

    @Test
    void aDocumentWithAnUnknownStatusIsRejected() {
        String doc = "{\"status\":\"exploded\",\"kind\":\"k\",\"id\":\"i\",\"fqn\":\"f\"}";
        InvalidStateException e = assertThrows(InvalidStateException.class,
                () -> State.fromJson(doc.getBytes(StandardCharsets.UTF_8)));
        assertEquals("$.status", e.getPath());
        assertTrue(e.getMessage().contains("exploded"), e.getMessage());
    }

    @Test
    void invalidJsonSaysWhere() {
        IOException e = assertThrows(IOException.class, () -> read("{\n  \"status\": created\n}"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void truncatedJsonIsAnIOException() {
        IOException e = assertThrows(IOException.class, () -> read("{\"status\": \"crea"));
        assertTrue(e.getMessage().contains("end-of-input"), e.getMessage());
    }

    @Test
    void emptyBytesAreAnIOException() {
        IOException e = assertThrows(IOException.class, () -> State.fromJson(new byte[0]));
        assertTrue(e.getMessage().contains("end-of-input"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"status\":\"created\"}]", "null", "\"state\"", "42"})
    void documentsThatAreNotObjectsAreIOExceptions(String json) {
        IOException e = assertThrows(IOException.class, () -> read(json));
        assertTrue(e.getMessage().contains("expected a JSON object"), e.getMessage());
    }

    @Test
    void trailingContentIsAnIOException() {
        assertThrows(IOException.class, () -> read(MINIMAL + "} {}"));
    }

    @Test
    void knownFieldsOfTheWrongTypeAreInvalidStates() {
        assertEquals("$.seq", assertThrows(InvalidStateException.class, () -> read(MINIMAL + ",\"seq\":\"1\"}"))
                .getPath());
        assertEquals("$.output", assertThrows(InvalidStateException.class, () -> read(MINIMAL + ",\"output\":[]}"))
                .getPath());
        assertEquals("$.kind", assertThrows(InvalidStateException.class,
                () -> read("{\"status\":\"created\",\"kind\":1,\"id\":\"i\",\"fqn\":\"f\"}")).getPath());
    }

    private static State read(String json) throws IOException {
        return State.fromJson(json.getBytes(StandardCharsets.UTF_8));
    }
}
