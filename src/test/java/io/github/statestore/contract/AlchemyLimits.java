package io.github.statestore.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.CorruptStateException;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.TaggedValues;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.function.Executable;

/**
 * Documents as Alchemy writes them ({@code JSON.stringify(state, null, 2)}), written here by hand, not by the
 * library, so that reading them does not depend on our writer: a large one within the limits of
 * docs/state-format.md ("Limits"), and one past them, which Alchemy can write but no store can read.
 */
public final class AlchemyLimits {
    /** The key the documents are stored under. */
    public static final String KEY = "site/bundle";
    private static final int SCRIPT_LINES = 150_000;
    private static final int BUFFER_BYTES = 3 << 20;
    private static final int FILES = 20_000;

    private AlchemyLimits() {
    }

    /**
     * A document of some 13 MB: a bundled script of 5.7 million characters in {@code props}, a 3 MB
     * {@code @buffer} and 20,000 file entries in {@code output}.
     *
     * @return UTF-8 JSON, at least 10 MB
     */
    public static byte[] largeDocument() {
        StringBuilder out = new StringBuilder(14 << 20);
        out.append("{\n  \"status\": \"updated\",\n  \"kind\": \"cloudflare::Worker\",\n  \"id\": \"bundle\",\n")
                .append("  \"fqn\": \"app/dev/site/bundle\",\n  \"seq\": 7,\n  \"data\": {},\n  \"props\": {\n")
                .append("    \"name\": \"site\",\n    \"script\": \"").append(escaped(script())).append("\"\n  },\n")
                .append("  \"output\": {\n    \"sourceMap\": {\n      \"@buffer\": \"")
                .append(Base64.getEncoder().encodeToString(buffer())).append("\"\n    },\n    \"files\": [\n");
        for (int i = 0; i < FILES; i++) {
            out.append("      {\n        \"path\": \"").append(path(i))
                    .append("\",\n        \"size\": ").append(size(i))
                    .append(",\n        \"cached\": ").append(cached(i)).append("\n      }")
                    .append(i + 1 < FILES ? ",\n" : "\n");
        }
        out.append("    ]\n  }\n}");
        byte[] json = out.toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(json.length >= 10_000_000, "the document has " + json.length + " bytes");
        return json;
    }

    /**
     * A document whose {@code props} nest arrays 1,001 deep, one level past the limit.
     *
     * @return UTF-8 JSON
     */
    public static byte[] tooDeepDocument() {
        String json = "{\n  \"status\": \"created\",\n  \"kind\": \"test::Thing\",\n  \"id\": \"bundle\",\n"
                + "  \"fqn\": \"app/dev/site/bundle\",\n  \"seq\": 0,\n  \"data\": {},\n  \"props\": {\n"
                + "    \"deep\": " + nestedArrays(999, "    ") + "\n  },\n  \"output\": {}\n}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads {@link #largeDocument()} through {@code get} and {@code all}, checks its values, then writes it back
     * unchanged and expects the stored bytes to be Alchemy's, byte for byte.
     *
     * @param store a store of the scope the document was put in
     * @param stored reads the document's bytes as the backend holds them
     */
    public static void assertLargeDocumentReadsAndRewritesUnchanged(StateStore store, Supplier<byte[]> stored) {
        byte[] alchemys = stored.get();
        State state = store.get(KEY).orElseThrow();
        assertEquals(State.Status.UPDATED, state.status());
        assertEquals(7, state.seq());
        assertEquals(script(), state.props().get("script"));
        assertArrayEquals(buffer(), TaggedValues.asBuffer(state.output().get("sourceMap")));
        List<?> files = (List<?>) state.output().get("files");
        assertEquals(FILES, files.size());
        int i = 12_345;
        assertEquals(Map.of("path", path(i), "size", (long) size(i), "cached", cached(i)), files.get(i));
        assertEquals(Map.of(KEY, state), store.all());

        store.set(KEY, state);
        assertArrayEquals(alchemys, stored.get());
    }

    /**
     * Expects every read of {@link #tooDeepDocument()} to report it corrupt, naming the key and the limit, and
     * the document to stay as it was.
     *
     * @param store a store of the scope the document was put in
     * @param stored reads the document's bytes as the backend holds them
     */
    public static void assertTooDeepDocumentIsCorrupt(StateStore store, Supplier<byte[]> stored) {
        for (Executable read : List.<Executable>of(() -> store.get(KEY), () -> store.getVersioned(KEY),
                store::all)) {
            CorruptStateException e = assertThrows(CorruptStateException.class, read);
            assertEquals(KEY, e.getKey());
            assertTrue(e.getMessage().contains("Document nesting depth (1001) exceeds the maximum allowed (1000"),
                    e.getMessage());
        }
        assertArrayEquals(tooDeepDocument(), stored.get());
    }

    /** Arrays nested {@code depth} deep under a line indented by {@code indent}, as {@code JSON.stringify} does. */
    private static String nestedArrays(int depth, String indent) {
        StringBuilder out = new StringBuilder();
        for (int level = 1; level < depth; level++) {
            out.append("[\n").append(indent).append("  ".repeat(level));
        }
        out.append("[]");
        for (int level = depth - 1; level > 0; level--) {
            out.append('\n').append(indent).append("  ".repeat(level - 1)).append(']');
        }
        return out.toString();
    }

    /** Lines of script with quotes, backslashes, tabs and non-ASCII text, which JSON escapes or keeps. */
    private static String script() {
        StringBuilder script = new StringBuilder(SCRIPT_LINES * 40);
        for (int i = 0; i < SCRIPT_LINES; i++) {
            script.append("\texport const v").append(i).append(" = \"ünï\\\\").append(i * 7).append("\";\n");
        }
        return script.toString();
    }

    private static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t");
    }

    private static byte[] buffer() {
        byte[] bytes = new byte[BUFFER_BYTES];
        new Random(11).nextBytes(bytes);
        return bytes;
    }

    private static String path(int i) {
        return "assets/chunk-" + i + ".js";
    }

    private static int size(int i) {
        return 1_000 + i * 37;
    }

    private static boolean cached(int i) {
        return i % 3 == 0;
    }
}
