package io.github.statestore;

import static io.github.statestore.StateTest.minimal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values inside a state: JSON-only, validated by path, copied, unmodifiable, equal to what reads back. */
class StateValuesTest {

    @Test
    void rejectsValuesWithoutAJsonFormNamingThePath() {
        Map<String, Object> nan = Map.of("list", Arrays.asList(1, "x", Double.NaN));
        assertPath("$.props.list[2]", () -> minimal().props(nan));
        assertPath("$.output.a.b", () -> minimal().output(Map.of("a", Map.of("b", Double.POSITIVE_INFINITY))));
        assertPath("$.data.f", () -> minimal().data(Map.of("f", Float.NEGATIVE_INFINITY)));
        assertPath("$.props.when", () -> minimal().props(Map.of("when", new Date(0))));
        assertPath("$.extra[0]", () -> minimal().field("extra", List.of(new Object())));
        assertPath("$.props", () -> minimal().field("props", Map.of(1, "x")));
    }

    private static void assertPath(String path, Runnable change) {
        InvalidStateException e = assertThrows(InvalidStateException.class, change::run);
        assertEquals(path, e.getPath());
        assertTrue(e.getMessage().contains(path), e.getMessage());
    }

    @Test
    void knownFieldsOfTheWrongTypeAreRejected() {
        assertPath("$.seq", () -> minimal().field("seq", 1.5).build());
        assertPath("$.props", () -> minimal().field("props", List.of()).build());
        assertPath("$.status", () -> minimal().field("status", "bogus").build());
    }

    @Test
    void returnedMapsAndListsAreUnmodifiable() {
        State state = minimal().props(Map.of("list", List.of(1), "map", Map.of("a", 1)))
                .oldProps(Map.of("x", 1)).field("extra", 1).build();
        assertThrows(UnsupportedOperationException.class, () -> state.props().put("y", 1));
        assertThrows(UnsupportedOperationException.class, () -> asList(state.props().get("list")).add(2));
        assertThrows(UnsupportedOperationException.class, () -> asMap(state.props().get("map")).clear());
        assertThrows(UnsupportedOperationException.class, () -> state.oldProps().orElseThrow().clear());
        assertThrows(UnsupportedOperationException.class, () -> state.data().put("y", 1));
        assertThrows(UnsupportedOperationException.class, () -> state.output().put("y", 1));
        assertThrows(UnsupportedOperationException.class, () -> state.asMap().remove("kind"));
        assertThrows(UnsupportedOperationException.class, () -> state.extraFields().clear());
    }

    @Test
    void laterChangesToTheCallersMapsDoNotReachTheState() {
        List<Object> list = new ArrayList<>(List.of(1L));
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("list", list);
        State.Builder builder = minimal().props(props);
        props.put("added", true);
        list.add(2L);
        State state = builder.build();
        props.put("later", true);
        list.add(3L);
        assertEquals(Map.of("list", List.of(1L)), state.props());
        assertEquals(state, builder.build());
    }

    @Test
    void integersReadBackAsLong() {
        State built = minimal().props(Map.of("i", 5, "s", (short) 6, "b", (byte) 7, "big", BigInteger.TEN))
                .build();
        assertEquals(Map.of("i", 5L, "s", 6L, "b", 7L, "big", 10L), built.props());
        State read = State.fromJson(built.toJsonBytes());
        assertEquals(5L, read.props().get("i"));
        assertEquals(built, read);
        String huge = "{\"status\":\"created\",\"kind\":\"k\",\"id\":\"i\",\"fqn\":\"f\",\"seq\":3,"
                + "\"props\":{\"n\":18446744073709552000,\"d\":1.5}}";
        State parsed = State.fromJson(huge.getBytes(StandardCharsets.UTF_8));
        assertEquals(new BigInteger("18446744073709552000"), parsed.props().get("n"));
        assertEquals(1.5, parsed.props().get("d"));
        assertEquals(3L, parsed.seq());
    }

    @Test
    void aStateOfDoublesEqualsTheStateReadBackFromItsJson() {
        State built = minimal().props(Map.of("whole", 2.0, "zero", -0.0, "half", 0.5, "float", 0.25f,
                "huge", 1.2345678901234568e20, "exp", 1e21)).seq(1).build();
        assertEquals(2L, built.props().get("whole"));
        assertEquals(built, State.fromJson(built.toJsonBytes()));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object value) {
        return (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }
}
