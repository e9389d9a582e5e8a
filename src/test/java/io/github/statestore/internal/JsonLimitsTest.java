package io.github.statestore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.InvalidStateException;
import io.github.statestore.secret.Secret;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The reader refuses text one step past each of {@link JsonLimits} (so such a stored document is corrupt), and
 * the writer refuses the value, naming its path, in pretty and compact form alike.
 */
class JsonLimitsTest {

    @Test
    void theReaderTakesTextAtEachLimitAndRefusesTextOneStepPast() throws IOException {
        String string = "\"" + "x".repeat(JsonLimits.MAX_STRING_LENGTH - 1) + "\\n\"";
        String name = "\"" + "€".repeat(JsonLimits.MAX_NAME_BYTES / 3) + "é\"";
        String number = "-" + "9".repeat(JsonLimits.MAX_NUMBER_DIGITS);
        String nested = "[".repeat(JsonLimits.MAX_DEPTH) + "]".repeat(JsonLimits.MAX_DEPTH);
        assertEquals(JsonLimits.MAX_STRING_LENGTH, ((String) parse("[" + string + "]").get(0)).length());
        assertEquals(1, parse("[{" + name + ": 1}]").size());
        assertEquals(1, parse("[" + number + "]").size());
        assertEquals(1, parse(nested).size());

        assertRefusedOnRead("[\"x" + string.substring(1) + "]", "String value length (20000001)");
        assertRefusedOnRead("[{\"x" + name.substring(1) + ": 1}]", "Name length (50001)");
        assertRefusedOnRead("[" + number + "9]", "Number value length (1001)");
        assertRefusedOnRead("[" + nested + "]", "nesting depth (1001)");
    }

    @Test
    void theWriterNamesThePathOfAValuePastALimit() {
        String tooLong = "x".repeat(JsonLimits.MAX_STRING_LENGTH + 1);
        Map<String, Object> doc = Map.of("a", List.of("ok", Map.of("b", tooLong)));
        InvalidStateException pretty = assertThrows(InvalidStateException.class, () -> JsonText.write(doc));
        assertEquals("$.a[1].b", pretty.getPath());
        assertNull(pretty.getKey());
        assertEquals("Invalid state at $.a[1].b: a string of 20000001 characters; the limit is 20000000",
                pretty.getMessage());
        assertEquals("$.a[1].b",
                assertThrows(InvalidStateException.class, () -> JsonText.writeCompact(doc)).getPath());

        InvalidStateException forKey = assertThrows(InvalidStateException.class,
                () -> JsonText.writeDocument("app/x", Map.of("n", List.of(-1L, BigInteger.TEN.pow(1000).negate()))));
        assertEquals("app/x", forKey.getKey());
        assertEquals("Invalid state for key \"app/x\" at $.n[1]: a number of 1001 digits; the limit is 1000",
                forKey.getMessage());
    }

    @Test
    void aValueNestedToTheLimitIsWrittenOnASmallStack() throws Exception {
        Object nested = List.of();
        for (int depth = 1; depth < JsonLimits.MAX_DEPTH; depth++) {
            nested = List.of(nested);
        }
        Object deepest = nested;
        AtomicReference<Object> written = new AtomicReference<>();
        Thread smallStack = new Thread(null, () -> written.set(catching(() -> JsonText.write(deepest))),
                "small-stack", 128 * 1024);
        smallStack.start();
        smallStack.join();
        assertEquals(deepest, parse(assertInstanceOf(String.class, written.get())));
    }

    @Test
    void aSecretIsRefusedAtItsPath() {
        Map<String, Object> doc = Map.of("props", Map.of("apiKey", Secret.of("s")));
        assertEquals("$.props.apiKey",
                assertThrows(InvalidStateException.class, () -> JsonText.write(doc)).getPath());
    }

    /** Runs {@code write}, answering what it returns or what it throws (a StackOverflowError included). */
    private static Object catching(Supplier<String> write) {
        try {
            return write.get();
        } catch (Throwable t) {
            return t;
        }
    }

    private static List<?> parse(String json) throws IOException {
        return (List<?>) JsonParsing.parseValue(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefusedOnRead(String json, String problem) {
        IOException e = assertThrows(IOException.class, () -> parse(json));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }
}
