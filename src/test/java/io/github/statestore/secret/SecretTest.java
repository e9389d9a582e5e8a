package io.github.statestore.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.InvalidArgumentException;
import io.github.statestore.InvalidStateException;
import io.github.statestore.State;
import io.github.statestore.StateStoreException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Neither a Secret nor a State holding one shows the value; JSON secrets compare by JSON value. */
class SecretTest {
    private static final String PLAIN = "sk-live-plain-value";

    @Test
    void toStringNeverShowsTheValue() {
        assertEquals("Secret(*****)", Secret.of(PLAIN).toString());
        assertEquals("Secret(*****)", Secret.ofJson(Map.of("token", PLAIN)).toString());
        assertEquals(PLAIN, Secret.of(PLAIN).reveal());
    }

    @Test
    void stringAndJsonSecretsAreDistinct() {
        assertNotEquals(Secret.of(PLAIN), Secret.ofJson(PLAIN));
        assertFalse(Secret.of(PLAIN).isJson());
        assertTrue(Secret.ofJson(PLAIN).isJson());
        assertEquals(PLAIN, Secret.ofJson(PLAIN).revealJson());
        assertTrue(assertThrows(StateStoreException.class, () -> Secret.ofJson(PLAIN).reveal()).getMessage()
                .contains("use revealJson()"));
        assertEquals("value", assertThrows(InvalidArgumentException.class, () -> Secret.of(null)).getParameter());
    }

    @Test
    void jsonSecretsAreCopiedAndCompareByJsonValue() {
        List<Object> list = new ArrayList<>(List.of(1, 2.0));
        Secret secret = Secret.ofJson(Map.of("list", list));
        list.add(3);
        assertEquals(Map.of("list", List.of(1L, 2L)), secret.revealJson());
        assertEquals(Secret.ofJson(Map.of("list", List.of(1L, 2L))), secret);
        assertEquals(Secret.ofJson(Map.of("list", List.of(1L, 2L))).hashCode(), secret.hashCode());
        assertThrows(UnsupportedOperationException.class, () -> ((Map<?, ?>) secret.revealJson()).clear());
        assertThrows(InvalidStateException.class, () -> Secret.ofJson(new Object()));
        assertThrows(InvalidStateException.class, () -> Secret.ofJson(Double.NaN));
    }

    @Test
    void aStateHoldingASecretShowsNoValueAndHasNoPlainJson() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("apiKey", Secret.of(PLAIN));
        State state = State.builder().status(State.Status.CREATED).kind("test::Thing").id("key").fqn("app/key")
                .props(props).output(Map.of("token", List.of(Secret.ofJson(Map.of("t", PLAIN))))).build();
        assertFalse(state.toString().contains(PLAIN), state.toString());
        assertEquals(Secret.of(PLAIN), state.props().get("apiKey"));
        assertThrows(InvalidStateException.class, state::toJson);
        assertThrows(InvalidStateException.class, state::toJsonBytes);
        InvalidStateException e = assertThrows(InvalidStateException.class,
                () -> state.toBuilder().props(Map.of()).build().toJson());
        assertFalse(e.getMessage().contains(PLAIN), e.getMessage());
    }
}
