package io.github.statestore.cli;

import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.internal.JsonText;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code statestore ls SCOPE}: the scope's keys. One instance serves one run. */
@Command(name = "ls", header = "Lists the keys of a scope.",
        description = "Prints the scope's keys, sorted, one per line (with --json, a JSON array), without"
                + " reading the documents. A nested scope's keys are not the scope's.")
final class LsCommand implements Callable<Integer> {
    @ParentCommand
    private StatestoreCommand root;

    @Parameters(index = "0", paramLabel = "SCOPE", description = "The scope, such as my-app/dev.")
    private Scope scope;

    @Override
    public Integer call() {
        List<String> keys;
        try (StateStore store = root.open(scope)) {
            keys = store.list();
        }
        if (root.json()) {
            root.out().println(JsonText.writeCompact(keys));
        } else {
            keys.forEach(root.out()::println);
        }
        return 0;
    }
}
