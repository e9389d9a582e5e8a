package io.github.statestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Building and rewriting states: required fields, field order, unknown and tagged values kept, equality. */
class StateTest {

    static State.Builder minimal() {
        return State.builder().status(State.Status.CREATED).kind("aws::Bucket").id("assets")
                .fqn("my-app/prod/assets");
    }

    @Test
    void requiresStatusKindIdAndFqn() {
        assertMissing("$.status", State.builder().kind("k").id("i").fqn("f"));
        assertMissing("$.kind", State.builder().status(State.Status.CREATED).id("i").fqn("f"));
        assertMissing("$.id", State.builder().status(State.Status.CREATED).kind("k").fqn("f"));
        assertMissing("$.fqn", State.builder().status(State.Status.CREATED).kind("k").id("i"));
        assertMissing("$.kind", minimal().removeField("kind"));
        assertMissing("$.id", minimal().field("id", 7));
    }

    private static void assertMissing(String path, State.Builder builder) {
        InvalidStateException e = assertThrows(InvalidStateException.class, builder::build);
        assertEquals(path, e.getPath());
        assertTrue(e.getMessage().contains(path), e.getMessage());
    }

    @Test
    void aFreshBuilderWritesTheCanonicalOrderThenExtraFields() {
        State state = State.builder().field("zeta", true).output(Map.of("arn", "x")).oldProps(Map.of())
                .props(Map.of("name", "assets-prod")).fqn("my-app/prod/assets").field("alpha", 1).seq(2)
                .data(Map.of()).id("assets").kind("aws::Bucket").status(State.Status.CREATED).build();
        assertEquals(List.of("status", "kind", "id", "fqn", "seq", "data", "props", "output", "oldProps", "zeta",
                "alpha"), new ArrayList<>(state.asMap().keySet()));
    }

    @Test
    void aMinimalStateIsAlchemysDocument() {
        assertEquals("""
                {
                  "status": "created",
                  "kind": "aws::Bucket",
                  "id": "assets",
                  "fqn": "my-app/prod/assets",
                  "seq": 0,
                  "data": {},
                  "props": {
                    "name": "assets-prod"
                  },
                  "output": {}
                }""", minimal().props(Map.of("name", "assets-prod")).build().toJson());
    }

    @Test
    void toBuilderKeepsTheDocumentsOrderAndAppendsNewFields() {
        String doc = """
                {
                  "fqn": "a/b",
                  "later": 1,
                  "output": {},
                  "id": "b",
                  "status": "creating",
                  "kind": "k",
                  "seq": 1
                }""";
        State state = State.fromJson(doc.getBytes(StandardCharsets.UTF_8)).toBuilder()
                .status(State.Status.CREATED).oldProps(Map.of()).build();
        assertEquals(List.of("fqn", "later", "output", "id", "status", "kind", "seq", "oldProps"),
                new ArrayList<>(state.asMap().keySet()));
        assertEquals(doc.replace("creating", "created").replace("\"seq\": 1\n", "\"seq\": 1,\n  \"oldProps\": {}\n"),
                state.toJson());
    }

    @Test
    void unknownFieldsSurviveReadModifyWrite() {
        String doc = """
                {
                  "status": "created",
                  "kind": "k",
                  "id": "i",
                  "fqn": "f",
                  "seq": 1,
                  "data": {},
                  "props": {},
                  "output": {},
                  "future": {
                    "nested": [
                      1,
                      "two"
                    ]
                  },
                  "flag": false
                }""";
        State read = State.fromJson(doc.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("future", "flag"), new ArrayList<>(read.extraFields().keySet()));
        State written = read.toBuilder().seq(2).build();
        assertEquals(doc.replace("\"seq\": 1", "\"seq\": 2"), written.toJson());
        assertEquals(doc, read.toJson());
    }

    @Test
    void taggedValuesSurviveUnchanged() {
        String doc = """
                {
                  "status": "updated",
                  "kind": "k",
                  "id": "i",
                  "fqn": "f",
                  "seq": 0,
                  "data": {},
                  "props": {
                    "when": {
                      "@date": "2024-01-02T03:04:05.678Z"
                    },
                    "blob": {
                      "@buffer": "AAEC/w=="
                    },
                    "password": {
                      "@secret": {
                        "version": "v1",
                        "ciphertext": "Y2lwaGVy",
                        "iv": "aXY=",
                        "salt": "c2FsdA==",
                        "tag": "dGFn"
                      }
                    },
                    "sym": {
                      "@symbol": "Symbol(alchemy::x)"
                    },
                    "schema": {
                      "@schema": {
                        "type": "string"
                      }
                    },
                    "scope": {
                      "@scope": null
                    }
                  },
                  "output": {}
                }""";
        State state = State.fromJson(doc.getBytes(StandardCharsets.UTF_8));
        assertEquals(doc, state.toJson());
        assertEquals(doc, State.builder().status(State.Status.UPDATED).kind("k").id("i").fqn("f")
                .props(state.props()).build().toJson());
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("@scope", null);
        assertEquals(scope, state.props().get("scope"));
    }

    @Test
    void equalStatesHaveEqualHashCodes() {
        State a = minimal().props(Map.of("n", 1)).build();
        State b = minimal().props(Map.of("n", 1L)).build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, minimal().props(Map.of("n", 2)).build());
        assertNotEquals(a, a.toBuilder().seq(1).build());
        assertNotEquals(a, a.toBuilder().field("extra", null).build());
        assertEquals(a, a.toBuilder().build());
    }

    @Test
    void toStringNamesTheResourceWithoutItsValues() {
        State state = minimal().props(Map.of("password", "hunter2")).output(Map.of("token", "s3cr3t"))
                .data(Map.of("key", "d4t4")).build();
        String text = state.toString();
        assertTrue(text.contains("aws::Bucket") && text.contains("assets") && text.contains("created"), text);
        assertFalse(text.contains("hunter2") || text.contains("s3cr3t") || text.contains("d4t4"), text);
    }

    @Test
    void defaultsOfAbsentOptionalFields() {
        State state = State.fromJson("{\"status\":\"deleted\",\"kind\":\"k\",\"id\":\"i\",\"fqn\":\"f\"}"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(0, state.seq());
        assertEquals(Map.of(), state.props());
        assertEquals(Map.of(), state.data());
        assertEquals(Map.of(), state.output());
        assertTrue(state.oldProps().isEmpty());
        assertEquals(State.Status.DELETED, state.status());
    }
}
