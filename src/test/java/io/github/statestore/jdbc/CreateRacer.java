package io.github.statestore.jdbc;

import io.github.statestore.ConflictException;
import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.fs.ChildJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Child-process main for {@link SqliteTwoProcessIT}: opens the store a URL names and prints
 * {@value ChildJvm#READY} once it has written, then its id. Then, for each number {@code i} it reads on standard
 * input, it tries to {@code create} the key {@code race/<i>} with a document whose id is its own, and prints
 * {@value #WON} or {@value #LOST}, until it reads {@value #DONE}. A create that loses must fail with
 * {@link ConflictException}; any other failure ends it with a non-zero exit code. Argument: the store URL.
 */
public final class CreateRacer {
    static final Scope SCOPE = Scope.of("race", "creates");
    static final String WON = "won";
    static final String LOST = "lost";
    static final String DONE = "done";

    private CreateRacer() {
    }

    public static void main(String[] args) throws Exception {
        String racer = "racer-" + ProcessHandle.current().pid();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (StateStore store = StoreConfig.parse(args[0]).open(SCOPE)) {
            store.set("ready/" + racer, document(racer, "ready/" + racer));
            say(ChildJvm.READY);
            say(racer);
            for (String line = in.readLine(); !DONE.equals(line); line = in.readLine()) {
                String key = key(Integer.parseInt(line));
                try {
                    store.create(key, document(racer, key));
                    say(WON);
                } catch (ConflictException e) {
                    say(LOST);
                }
            }
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** {@return the {@code i}th key raced for} */
    static String key(int i) {
        return "race/" + i;
    }

    /**
     * The document a racer writes.
     *
     * @param racer its id
     * @param key the key it writes
     * @return the document
     */
    static State document(String racer, String key) {
        return State.builder().status(State.Status.CREATED).kind("test::Race").id(racer).fqn(SCOPE + "/" + key)
                .props(Map.of("racer", racer)).build();
    }
}
