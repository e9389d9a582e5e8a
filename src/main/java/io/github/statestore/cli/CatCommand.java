package io.github.statestore.cli;

import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.internal.JsonText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code statestore cat SCOPE}: every state of a scope. One instance serves one run. */
@Command(name = "cat", header = "Prints every state of a scope.",
        description = {"Prints one JSON object whose members are the scope's keys, sorted, each with its"
                + " state as get prints it. With --json, JSON Lines instead: one line per key,"
                + " {\"key\":KEY,\"state\":STATE}. Each secret is shown as Secret(*****), unless --reveal."})
final class CatCommand implements Callable<Integer> {
    @ParentCommand
    private StatestoreCommand root;

    @Parameters(index = "0", paramLabel = "SCOPE", description = "The scope, such as my-app/dev.")
    private Scope scope;

    @Option(names = "--reveal", description = "Show the secrets' values; needs STATESTORE_PASSWORD (or"
            + " ALCHEMY_PASSWORD).")
    private boolean reveal;

    @Override
    public Integer call() {
        if (reveal) {
            root.requirePassword();
        }
        Map<String, State> states;
        try (StateStore store = root.open(scope)) {
            states = store.all();
        }
        if (root.json()) {
            states.forEach((key, state) -> {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("key", key);
                line.put("state", Documents.shown(state, reveal));
                root.out().println(JsonText.writeCompact(line));
            });
        } else {
            Map<String, Object> all = new LinkedHashMap<>();
            states.forEach((key, state) -> all.put(key, Documents.shown(state, reveal)));
            root.out().println(JsonText.write(all));
        }
        return 0;
    }
}
