package io.github.statestore.examples;

import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.StateStores;
import io.github.statestore.StoreConfig;
import io.github.statestore.fs.FileSystemConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tour of the FileSystem store, the default: {@code mvn -q test-compile exec:java}. Writes three states
 * under {@code .alchemy/statestore-demo/dev} in the working directory, reads them back, deletes one and
 * leaves the other two on disk to look at. Running it again gives the same output.
 */
public final class Demo {
    private static final Scope SCOPE = Scope.of("statestore-demo", "dev");
    private static final String FORMAT = "  %-34s %s%n";

    private Demo() {
    }

    /**
     * Runs the demo.
     *
     * @param args ignored
     * @throws Exception if the store fails
     */
    public static void main(String[] args) throws Exception {
        FileSystemConfig config = StoreConfig.fileSystem();
        Path cwd = Path.of("").toAbsolutePath();
        List<State> states = List.of(
                state("assets", "aws::Bucket", "name", "assets-dev", "versioning", true),
                state("api/database/connection", "neon::Connection", "host", "db.example.com", "port", 5432),
                state("worker", "cloudflare::Worker", "name", "worker-dev"));

        System.out.println("FileSystem store: root " + config.root() + ", scope " + SCOPE);
        try (StateStore store = StateStores.open(config, SCOPE)) {
            System.out.println();
            System.out.println("set(key, state), stored as <root>/<scope>/<encoded key>.json:");
            for (State state : states) {
                store.set(state.id(), state);
                System.out.printf(FORMAT, state.id(), "-> " + cwd.relativize(config.file(SCOPE, state.id()).toAbsolutePath()));
            }

            Path slashed = config.file(SCOPE, "api/database/connection").toAbsolutePath();
            System.out.println();
            System.out.println(cwd.relativize(slashed) + ":");
            Files.readString(slashed).lines().forEach(line -> System.out.println("  " + line));

            System.out.println();
            System.out.println("Read back:");
            System.out.printf(FORMAT, "list()", store.list());
            System.out.printf(FORMAT, "get(\"api/database/connection\")",
                    store.get("api/database/connection").map(Demo::describe).orElse("absent"));
            System.out.printf(FORMAT, "get(\"missing\")", store.get("missing").map(Demo::describe).orElse("absent"));
            System.out.println("  getBatch([\"worker\", \"missing\", \"assets\"])");
            store.getBatch(List.of("worker", "missing", "assets"))
                    .forEach((key, state) -> System.out.printf(FORMAT, "  " + key, describe(state)));

            System.out.println();
            store.delete("worker");
            System.out.println("delete(\"worker\"), then:");
            System.out.printf(FORMAT, "list()", store.list());
        }
        System.out.println();
        System.out.println("The remaining states are in "
                + cwd.relativize(config.scopeDirectory(SCOPE).toAbsolutePath()) + "; delete that folder to clean up.");
    }

    private static State state(String id, String kind, Object... props) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < props.length; i += 2) {
            map.put((String) props[i], props[i + 1]);
        }
        return State.builder()
                .status(State.Status.CREATED)
                .kind(kind).id(id).fqn(SCOPE + "/" + id)
                .props(map)
                .build();
    }

    private static String describe(State state) {
        return state.status().json() + " " + state.kind() + " " + state.props();
    }
}
