package io.github.statestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
        InvalidStateException e = invalid("{\n  \"status\": created\n}");
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void truncatedJsonIsAnInvalidState() {
        InvalidStateException e = invalid("{\"status\": \"crea");
        assertTrue(e.getMessage().contains("end-of-input"), e.getMessage());
        assertInstanceOf(IOException.class, e.getCause());
    }

    @Test
    void emptyBytesAreAnInvalidState() {
        InvalidStateException e = assertThrows(InvalidStateException.class, () -> State.fromJson(new byte[0]));
        assertEquals("$", e.getPath());
        assertTrue(e.getMessage().contains("end-of-input"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"status\":\"created\"}]", "null", "\"state\"", "42"})
    void documentsThatAreNotObjectsAreInvalidStates(String json) {
        InvalidStateException e = invalid(json);
        assertTrue(e.getMessage().startsWith("Invalid state at $: expected a JSON object"), e.getMessage());
    }

    @Test
    void trailingContentIsAnInvalidState() {
        invalid(MINIMAL + "} {}");
    }

    /** {@code fromJson} declares no checked exception: every failure is a {@link StateStoreException}. */
    @Test
    void fromJsonThrowsOnlyUncheckedLibraryExceptions() throws NoSuchMethodException {
        assertEquals(0, State.class.getMethod("fromJson", byte[].class).getExceptionTypes().length);
    }

    private static InvalidStateException invalid(String json) {
        InvalidStateException e = assertThrows(InvalidStateException.class, () -> read(json));
        assertEquals("$", e.getPath(), e.getMessage());
        return e;
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

    private static State read(String json) {
        return State.fromJson(json.getBytes(StandardCharsets.UTF_8));
    }
}
