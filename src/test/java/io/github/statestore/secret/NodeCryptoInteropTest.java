package io.github.statestore.secret;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.statestore.State;
import io.github.statestore.internal.JsonParsing;
import io.github.statestore.internal.SecretCodec;
import io.github.statestore.internal.JsonText;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Node's crypto (as Alchemy uses it) opens the envelopes we seal, and we open the ones it seals. */
class NodeCryptoInteropTest {
    private static final String PASSWORD = "pässwörd 🔑 correct horse";
    private static final List<String> STRINGS = List.of("sk-test-1234567890", "", "é₪家 😀",
            "line\nbreak \"quoted\" \\ \u0000 \u2028 end");
    private static final List<Object> VALUES = Arrays.asList(
            Map.of("a", 1, "b", List.of("x")),
            ordered("user", "admin",
                    "nested", List.of(Map.of(), List.of(), List.of(1.5, -1e-7, 1e21, 1.2345678901234568e20)),
                    "flags", Arrays.asList(true, false, null),
                    "text", "é😀\u2028\u007f\u001f\ud800\"\\/"),
            "just text", 42, 0.1, true, null, List.of());
    private static final String KDF = "const key = (salt) => crypto.scryptSync(input.password, salt, 32,"
            + " {N: 16384, r: 8, p: 1});\n";
    private static final String OPEN = """
            function main(input) {
              %s
              const open = (e) => {
                if (e.version !== 'v1') throw new Error('not v1');
                const decipher = crypto.createDecipheriv('aes-256-gcm', key(Buffer.from(e.salt, 'base64')),
                    Buffer.from(e.iv, 'base64'));
                decipher.setAuthTag(Buffer.from(e.tag, 'base64'));
                return Buffer.concat([decipher.update(Buffer.from(e.ciphertext, 'base64')), decipher.final()]);
              };
              return {
                strings: input.strings.map((s) => open(s['@secret']).toString('base64')),
                json: input.json.map((s) => open(s['@secret'].data).toString('base64')),
                stringified: input.values.map((v) => Buffer.from(JSON.stringify(v), 'utf8').toString('base64')),
              };
            }
            """.formatted(KDF);
    private static final String SEAL = """
            function main(input) {
              %s
              const seal = (text) => {
                const salt = crypto.randomBytes(16);
                const iv = crypto.randomBytes(12);
                const cipher = crypto.createCipheriv('aes-256-gcm', key(salt), iv);
                const ciphertext = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
                const b64 = (b) => b.toString('base64');
                return {version: 'v1', ciphertext: b64(ciphertext), iv: b64(iv), salt: b64(salt),
                  tag: b64(cipher.getAuthTag())};
              };
              return {
                strings: input.strings.map((s) => ({'@secret': seal(s)})),
                json: input.values.map((v) => ({'@secret': {data: seal(JSON.stringify(v))}})),
              };
            }
            """.formatted(KDF);

    private final SecretCodec codec = SecretCodec.withPassword(PASSWORD);

    @Test
    void nodeOpensWhatWeSeal() throws Exception {
        Map<String, Object> props = new LinkedHashMap<>();
        STRINGS.forEach(s -> props.put("s" + props.size(), Secret.of(s)));
        Map<String, Object> output = new LinkedHashMap<>();
        VALUES.forEach(v -> output.put("j" + output.size(), Secret.ofJson(v)));
        State sealed = codec.seal("interop", state(props, output));

        Map<String, Object> input = new LinkedHashMap<>();
        input.put("password", PASSWORD);
        input.put("strings", List.copyOf(sealed.props().values()));
        input.put("json", List.copyOf(sealed.output().values()));
        input.put("values", VALUES.stream().map(v -> Secret.ofJson(v).revealJson()).toList());
        Map<?, ?> opened = (Map<?, ?>) JsonParsing.parseValue(
                NodeScript.run(OPEN, JsonText.writeCompact(input)).getBytes(StandardCharsets.UTF_8));

        List<?> strings = (List<?>) opened.get("strings");
        List<?> json = (List<?>) opened.get("json");
        List<?> stringified = (List<?>) opened.get("stringified");
        for (int i = 0; i < STRINGS.size(); i++) {
            assertArrayEquals(STRINGS.get(i).getBytes(StandardCharsets.UTF_8), decode(strings.get(i)), "s" + i);
        }
        for (int i = 0; i < VALUES.size(); i++) {
            String compact = JsonText.writeCompact(Secret.ofJson(VALUES.get(i)).revealJson());
            assertArrayEquals(decode(stringified.get(i)), compact.getBytes(StandardCharsets.UTF_8), "j" + i);
            assertArrayEquals(decode(stringified.get(i)), decode(json.get(i)), "j" + i);
        }
    }

    @Test
    void weOpenWhatNodeSeals() throws Exception {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("password", PASSWORD);
        input.put("strings", STRINGS);
        input.put("values", VALUES.stream().map(v -> Secret.ofJson(v).revealJson()).toList());
        Map<?, ?> sealed = (Map<?, ?>) JsonParsing.parseValue(
                NodeScript.run(SEAL, JsonText.writeCompact(input)).getBytes(StandardCharsets.UTF_8));

        Map<String, Object> props = new LinkedHashMap<>();
        ((List<?>) sealed.get("strings")).forEach(s -> props.put("s" + props.size(), s));
        Map<String, Object> output = new LinkedHashMap<>();
        ((List<?>) sealed.get("json")).forEach(s -> output.put("j" + output.size(), s));
        State opened = codec.open("interop", state(props, output));

        for (int i = 0; i < STRINGS.size(); i++) {
            assertEquals(Secret.of(STRINGS.get(i)), opened.props().get("s" + i), "s" + i);
        }
        for (int i = 0; i < VALUES.size(); i++) {
            assertEquals(Secret.ofJson(VALUES.get(i)), opened.output().get("j" + i), "j" + i);
        }
    }

    private static State state(Map<String, Object> props, Map<String, Object> output) {
        return State.builder().status(State.Status.CREATED).kind("test::Thing").id("interop").fqn("app/interop")
                .props(props).output(output).build();
    }

    private static byte[] decode(Object base64) {
        return Base64.getDecoder().decode((String) base64);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
