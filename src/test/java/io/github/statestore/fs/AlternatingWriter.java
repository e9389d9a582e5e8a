package io.github.statestore.fs;

import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import java.nio.file.Path;
import java.util.Map;

/**
 * Child-process main for {@link FileSystemTwoProcessIT}: writes {@link #SMALL} and {@link #LARGE} to
 * {@link #KEY} in turn, forever, until it is killed. Argument: the store root.
 */
public final class AlternatingWriter {
    static final Scope SCOPE = Scope.of("shared", "dir");
    static final String KEY = "contended/key";
    static final State SMALL = document("small");
    static final State LARGE = document("x".repeat(500_000));

    private AlternatingWriter() {
    }

    public static void main(String[] args) {
        try (StateStore store = StoreConfig.fileSystem(Path.of(args[0])).open(SCOPE)) {
            store.set(KEY, SMALL);
            System.out.println(ChildJvm.READY);
            System.out.flush();
            while (true) {
                store.set(KEY, LARGE);
                store.set(KEY, SMALL);
            }
        }
    }

    private static State document(String payload) {
        return State.builder().status(State.Status.CREATED).kind("test::Shared").id(KEY).fqn(SCOPE + "/" + KEY)
                .output(Map.of("payload", payload)).build();
    }
}
