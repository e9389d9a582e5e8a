package io.github.statestore.cli;

import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.internal.JsonText;
import io.github.statestore.internal.Text;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code statestore get SCOPE KEY}: one state as JSON. One instance serves one run. */
@Command(name = "get", header = "Prints one state.",
        description = {"Prints the state of KEY as the store writes it, pretty-printed (with --json, on one"
                + " line). Each secret is shown as Secret(*****), unless --reveal.",
                "Exit code 1 if the key is absent."})
final class GetCommand implements Callable<Integer> {
    @ParentCommand
    private StatestoreCommand root;

    @Parameters(index = "0", paramLabel = "SCOPE", description = "The scope, such as my-app/dev.")
    private Scope scope;

    @Parameters(index = "1", paramLabel = "KEY", description = "The key, such as api/database.")
    private String key;

    @Option(names = "--reveal", description = "Show the secrets' values; needs STATESTORE_PASSWORD (or"
            + " ALCHEMY_PASSWORD).")
    private boolean reveal;

    @Override
    public Integer call() {
        if (reveal) {
            root.requirePassword();
        }
        Optional<State> state;
        try (StateStore store = root.open(scope)) {
            state = store.get(key);
        }
        if (state.isEmpty()) {
            root.err().println("statestore: no key " + Text.quote(key) + " in scope " + scope);
            return Cli.FAILURE;
        }
        Map<String, Object> shown = Documents.shown(state.get(), reveal);
        root.out().println(root.json() ? JsonText.writeCompact(shown) : JsonText.write(shown));
        return 0;
    }
}
