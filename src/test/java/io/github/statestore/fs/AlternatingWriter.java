package io.github.statestore.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import java.util.Map;

/**
 * Child-process main for the two-process tests ({@link FileSystemTwoProcessIT}, and the SQLite store's):
 * writes {@link #SMALL} and {@link #LARGE} to {@link #KEY} in turn, forever, until it is killed. Argument: the
 * store URL. {@link #readWhileItWrites} is the other process's side.
 */
public final class AlternatingWriter {
    /** The scope of the key. */
    public static final Scope SCOPE = Scope.of("shared", "dir");
    /** The key written. */
    public static final String KEY = "contended/key";
    static final State SMALL = document("small");
    static final State LARGE = document("x".repeat(500_000));
    private static final long MIN_READ_NANOS = 3_000_000_000L;

    private AlternatingWriter() {
    }

    public static void main(String[] args) {
        try (StateStore store = StoreConfig.parse(args[0]).open(SCOPE)) {
            store.set(KEY, SMALL);
            System.out.println(ChildJvm.READY);
            System.out.flush();
            while (true) {
                store.set(KEY, LARGE);
                store.set(KEY, SMALL);
            }
        }
    }

    /** How many times a reader read each document. */
    public record Reads(int small, int large) {
    }

    /**
     * Reads {@link #KEY} over and over, for at least 3 seconds and until it has read both documents, while a
     * ready writer child rewrites it: every read finds the key and gets one whole document or the other.
     *
     * @param store the store the writer writes, opened on {@link #SCOPE}
     * @param writer the writer, ready
     * @return how many times each document was read
     */
    public static Reads readWhileItWrites(StateStore store, ChildJvm writer) {
        int small = 0;
        int large = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < MIN_READ_NANOS || small == 0 || large == 0) {
            State read = store.get(KEY).orElseThrow(() -> new AssertionError("the key vanished while being replaced"));
            if (read.equals(SMALL)) {
                small++;
            } else {
                assertEquals(LARGE, read, "neither document");
                large++;
            }
        }
        assertTrue(writer.isAlive(), "the writer stopped, so the reads did not overlap its writes");
        return new Reads(small, large);
    }

    private static State document(String payload) {
        return State.builder().status(State.Status.CREATED).kind("test::Shared").id(KEY).fqn(SCOPE + "/" + KEY)
                .output(Map.of("payload", payload)).build();
    }
}
