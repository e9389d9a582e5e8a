package io.github.statestore.fs;

import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Child-process main for {@link FileSystemCrashIT}: writes documents of random sizes to a few keys through
 * the FileSystem store, forever, until it is killed. Arguments: the store root and a random seed.
 */
public final class CrashWriter {
    static final Scope SCOPE = Scope.of("crash", "test");
    /** A few keys, among them one with slashes and one stored under a long name with a sidecar. */
    static final List<String> KEYS = List.of("a", "b/c", "sp ace", "long/" + "x".repeat(300));
    static final int MIN_SIZE = 100;
    static final int MAX_SIZE = 200_000;

    private CrashWriter() {
    }

    public static void main(String[] args) {
        Random random = new Random(Long.parseLong(args[1]));
        try (StateStore store = StoreConfig.fileSystem(Path.of(args[0])).open(SCOPE)) {
            boolean announced = false;
            while (true) {
                String key = KEYS.get(random.nextInt(KEYS.size()));
                store.set(key, document(key, MIN_SIZE + random.nextInt(MAX_SIZE - MIN_SIZE + 1)));
                if (!announced) {
                    System.out.println(ChildJvm.READY);
                    System.out.flush();
                    announced = true;
                }
            }
        }
    }

    /**
     * The one document the writer writes for a key and size, so a reader can tell whether what it found is
     * something the writer wrote.
     */
    static State document(String key, int size) {
        String unit = Integer.toString(size, 36) + "-";
        String blob = unit.repeat(size / unit.length() + 1).substring(0, size);
        return State.builder().status(State.Status.UPDATED).kind("test::Crash").id(key)
                .fqn(SCOPE + "/" + key).seq(size).props(Map.of("size", size)).output(Map.of("blob", blob))
                .build();
    }
}
