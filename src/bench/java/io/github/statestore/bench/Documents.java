package io.github.statestore.bench;

import io.github.statestore.State;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The benchmark data: states of about 2 KB once written (Alchemy's pretty-printed JSON), shaped like a
 * cloud resource's, and the keys of the seeded scopes. Stateless and thread-safe.
 */
final class Documents {
    /** The aimed-at size of one written document, in bytes. */
    static final int TARGET_BYTES = 2048;

    /** The system property by which {@link FirstCall} learns {@link #paddingLines()}. */
    static final String PADDING_PROPERTY = "bench.paddingLines";

    private Documents() {
    }

    /**
     * Lines of history that bring the first document to about {@value #TARGET_BYTES} bytes, found by writing
     * it with more and more lines: computed on first use, so that {@link #keys} alone serializes nothing
     * (a fresh JVM's first call must not find the serializer warmed).
     */
    private static final class Padding {
        static final List<String> LINES = padding();

        private static List<String> padding() {
            int n = 0;
            while (document(0, lines(n)).toJsonBytes().length < TARGET_BYTES - 40) {
                n++;
            }
            return lines(n);
        }
    }

    private static List<String> lines(int n) {
        List<String> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lines.add("p" + i + "-0123456789abcdefghijklmnopqrstuvwxyz");
        }
        return List.copyOf(lines);
    }

    /**
     * @param i which resource
     * @return a state whose JSON is about {@value #TARGET_BYTES} bytes
     */
    static State state(int i) {
        return document(i, Padding.LINES);
    }

    /** {@return how many lines of history {@link #state} holds} */
    static int paddingLines() {
        return Padding.LINES.size();
    }

    /**
     * @param i which resource
     * @param paddingLines {@link #paddingLines()}, as measured in another JVM
     * @return the same state as {@link #state}, built without serializing anything
     */
    static State state(int i, int paddingLines) {
        return document(i, lines(paddingLines));
    }

    private static State document(int i, List<String> padding) {
        String id = "resource-" + i;
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("name", id);
        props.put("region", "eu-west-1");
        props.put("tags", new TreeMap<>(Map.of("team", "infra", "env", "bench", "owner", "statestore")));
        Map<String, Object> output = new LinkedHashMap<>(props);
        output.put("arn", "arn:aws:s3:::" + id);
        output.put("createdAt", Map.of("@date", "2025-01-01T00:00:00.000Z"));
        return State.builder().status(State.Status.CREATED).kind("aws::Bucket").id(id).fqn("bench/" + id).seq(i)
                .props(props).output(output).data(Map.of("history", padding)).build();
    }

    /**
     * @param count how many keys the scope holds (1,000 or 10,000)
     * @return its keys, sorted: {@code res-000} to {@code res-999} for 1,000
     */
    static List<String> keys(int count) {
        int digits = String.valueOf(count - 1).length();
        List<String> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            keys.add("res-" + String.format("%0" + digits + "d", i));
        }
        return keys;
    }
}
