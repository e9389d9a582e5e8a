package io.github.statestore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.SecretException;
import io.github.statestore.State;
import io.github.statestore.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Secrets sealed and opened at any depth; bad envelopes name key and path, never value or password. */
class SecretCodecTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String PLAIN = "sk-live-plain-value";
    private static final String KEY = "api/key";

    private static final SecretCodec CODEC = SecretCodec.withPassword(PASSWORD);
    /** A string secret at {@code props.apiKey} and a JSON one at {@code output.token}, sealed once: scrypt is slow. */
    private static final State SEALED = CODEC.seal(KEY, state(b -> b.props(Map.of("apiKey", Secret.of(PLAIN)))
            .output(Map.of("token", Secret.ofJson(Map.of("t", PLAIN))))));

    static Stream<Arguments> secretsAtAnyDepth() {
        Secret s = Secret.of(PLAIN);
        Secret json = Secret.ofJson(Map.of("token", PLAIN));
        return Stream.of(
                Arguments.of("$.props.apiKey", state(b -> b.props(Map.of("apiKey", s)))),
                Arguments.of("$.data.a.b[0].c", state(b -> b.data(Map.of("a", Map.of("b", List.of(Map.of("c", s))))))),
                Arguments.of("$.output.x.y.z", state(b -> b.output(Map.of("x", Map.of("y", Map.of("z", json)))))),
                Arguments.of("$.oldProps.list[1][0]", state(b -> b.oldProps(Map.of("list", List.of("p", List.of(s)))))),
                Arguments.of("$.props.list[0]", state(b -> b.props(Map.of("list", List.of(json))))),
                Arguments.of("$.future[1]", state(b -> b.field("future", List.of(1, s)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secretsAtAnyDepth")
    void sealsAndOpensASecretAtItsPath(String path, State state) {
        assertEquals(path, assertThrows(SecretException.class, () -> SecretCodec.none().seal(KEY, state)).getPath());
        State sealed = CODEC.seal(KEY, state);
        String json = sealed.toJson();
        assertTrue(json.contains("\"@secret\""), json);
        assertFalse(json.contains(PLAIN), json);
        assertEquals(state, CODEC.open(KEY, sealed));
        assertEquals(state, SecretCodec.withPassword(PASSWORD).open(KEY, sealed));
        SecretException wrong = assertThrows(SecretException.class,
                () -> SecretCodec.withPassword("wrong").open(KEY, sealed));
        assertEquals(path, wrong.getPath());
        assertEquals(KEY, wrong.getKey());
    }

    @Test
    void sealsEverySecretOfAStateInPlace() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("a", 1);
        props.put("key", Secret.of(PLAIN));
        props.put("b", List.of(Secret.ofJson(List.of(1, 2)), "plain", Secret.of("")));
        State state = state(b -> b.props(props).data(Map.of("d", Secret.of("x"))));
        State sealed = CODEC.seal(KEY, state);
        assertEquals(List.of("a", "key", "b"), List.copyOf(sealed.props().keySet()));
        assertEquals(1L, sealed.props().get("a"));
        assertEquals("plain", ((List<?>) sealed.props().get("b")).get(1));
        assertEquals(4, sealed.toJson().split("\"@secret\"", -1).length - 1);
        assertEquals(state, CODEC.open(KEY, sealed));
    }

    @Test
    void aStateWithoutSecretsIsNotCopied() {
        Map<String, Object> lookalikes = Map.of("date", Map.of("@date", "1970-01-01T00:00:00.000Z"),
                "notEnvelope", Map.of("@secret", Map.of("version", "v1"), "other", 1),
                "stringForm", Map.of("@secret", "text"), "list", List.of(Map.of("n", 1)));
        State state = state(b -> b.props(lookalikes).data(Map.of("d", List.of())));
        assertSame(state, CODEC.seal(KEY, state));
        assertSame(state, CODEC.open(KEY, state));
        assertSame(state, SecretCodec.none().seal(KEY, state));
        State sealed = CODEC.seal(KEY, state(b -> b.props(Map.of("k", Secret.of(PLAIN)))));
        assertSame(sealed, SecretCodec.none().open(KEY, sealed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ciphertext", "tag", "iv", "salt"})
    void aTamperedFieldFailsNamingKeyAndPath(String field) {
        Map<String, Object> string = stringEnvelope(SEALED);
        string.put(field, flipFirstBit((String) string.get(field)));
        assertFails("$.props.apiKey", "cannot be decrypted", SEALED.toBuilder()
                .props(Map.of("apiKey", Map.of("@secret", string))).build());
        Map<String, Object> json = jsonEnvelope(SEALED);
        json.put(field, flipFirstBit((String) json.get(field)));
        assertFails("$.output.token", "cannot be decrypted", SEALED.toBuilder()
                .output(Map.of("token", Map.of("@secret", Map.of("data", json)))).build());
    }

    static Stream<Arguments> malformedEnvelopes() {
        String iv16 = Base64.getEncoder().encodeToString(new byte[16]);
        String tag12 = Base64.getEncoder().encodeToString(new byte[12]);
        return Stream.of(
                Arguments.of("no version", change(e -> e.remove("version"))),
                Arguments.of("version v2", change(e -> e.put("version", "v2"))),
                Arguments.of("no ciphertext", change(e -> e.remove("ciphertext"))),
                Arguments.of("no iv", change(e -> e.remove("iv"))),
                Arguments.of("no salt", change(e -> e.remove("salt"))),
                Arguments.of("no tag", change(e -> e.remove("tag"))),
                Arguments.of("ciphertext not base64", change(e -> e.put("ciphertext", "not base64!"))),
                Arguments.of("tag not base64", change(e -> e.put("tag", "%%%%"))),
                Arguments.of("iv a number", change(e -> e.put("iv", 12))),
                Arguments.of("iv of 16 bytes", change(e -> e.put("iv", iv16))),
                Arguments.of("tag of 12 bytes", change(e -> e.put("tag", tag12))),
                Arguments.of("empty salt", change(e -> e.put("salt", ""))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedEnvelopes")
    void aMalformedEnvelopeIsNotValid(String name, Consumer<Map<String, Object>> change) {
        Map<String, Object> string = stringEnvelope(SEALED);
        change.accept(string);
        assertFails("$.props.apiKey", "is not a valid secret envelope", SEALED.toBuilder()
                .props(Map.of("apiKey", Map.of("@secret", string))).build());
        Map<String, Object> json = jsonEnvelope(SEALED);
        change.accept(json);
        assertFails("$.output.token", "is not a valid secret envelope", SEALED.toBuilder()
                .output(Map.of("token", Map.of("@secret", Map.of("data", json)))).build());
    }

    @Test
    void aJsonSecretWhoseDataIsNoEnvelopeIsNotValid() {
        assertFails("$.output.token", "is not a valid secret envelope",
                state(b -> b.output(Map.of("token", Map.of("@secret", Map.of("data", "text"))))));
    }

    @Test
    void aJsonSecretWhosePlaintextIsNotJsonFailsWithoutShowingIt() {
        byte[] notJson = "hunter2isnotjson".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> envelope = new SecretCipher(PASSWORD).encrypt(notJson);
        State state = state(b -> b.output(Map.of("token", Map.of("@secret", Map.of("data", envelope)))));
        SecretException e = assertThrows(SecretException.class, () -> CODEC.open(KEY, state));
        assertEquals("$.output.token", e.getPath());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void toStringSaysOnlyWhetherThereIsAPassword() {
        assertFalse(CODEC.toString().contains(PASSWORD), CODEC.toString());
        assertNotEquals(CODEC.toString(), SecretCodec.none().toString());
        assertTrue(CODEC.hasPassword());
        assertFalse(SecretCodec.none().hasPassword());
        assertSame(SecretCodec.none(), SecretCodec.withPassword(null));
    }

    private void assertFails(String path, String reason, State state) {
        SecretException e = assertThrows(SecretException.class, () -> CODEC.open(KEY, state));
        assertEquals(KEY, e.getKey());
        assertEquals(path, e.getPath());
        assertTrue(e.getMessage().contains(path) && e.getMessage().contains("\"" + KEY + "\""), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertFalse(e.getMessage().contains(PLAIN), e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
    }

    /** Types a lambda for {@link Arguments#of}. */
    private static Consumer<Map<String, Object>> change(Consumer<Map<String, Object>> change) {
        return change;
    }

    /** A changeable copy of the envelope of the string secret at {@code props.apiKey}. */
    private static Map<String, Object> stringEnvelope(State sealed) {
        return copy(((Map<?, ?>) sealed.props().get("apiKey")).get("@secret"));
    }

    /** A changeable copy of the envelope of the JSON secret at {@code output.token}. */
    private static Map<String, Object> jsonEnvelope(State sealed) {
        return copy(((Map<?, ?>) ((Map<?, ?>) sealed.output().get("token")).get("@secret")).get("data"));
    }

    private static Map<String, Object> copy(Object envelope) {
        Map<String, Object> copy = new LinkedHashMap<>();
        ((Map<?, ?>) envelope).forEach((k, v) -> copy.put((String) k, v));
        return copy;
    }

    private static String flipFirstBit(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        bytes[0] ^= 1;
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static State state(Consumer<State.Builder> fields) {
        State.Builder builder = State.builder().status(State.Status.CREATED).kind("test::Thing").id("key")
                .fqn("app/dev/key");
        fields.accept(builder);
        return builder.build();
    }
}
