package io.github.statestore.cli;

import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.internal.JsonText;
import io.github.statestore.internal.Text;
import java.time.Instant;
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
                "With --expiry, prints instead when the entry expires (put --ttl): an ISO-8601 instant, or never"
                + " (with --json, a JSON string or null); the store's backend must keep expiry.",
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

    @Option(names = "--expiry", description = "Print when the entry expires rather than the state.")
    private boolean expiry;

    @Override
    public Integer call() {
        if (reveal) {
            root.requirePassword();
        }
        Optional<State> state;
        Optional<Instant> expiresAt = Optional.empty();
        try (StateStore store = root.open(scope)) {
            if (expiry) {
                expiresAt = store.expiresAt(key);
            }
            state = store.get(key);
        }
        if (state.isEmpty()) {
            root.err().println("statestore: no key " + Text.quote(key) + " in scope " + scope);
            return Cli.FAILURE;
        }
        if (expiry) {
            String shown = expiresAt.map(Instant::toString).orElse(null);
            root.out().println(root.json() ? JsonText.writeCompact(shown) : shown == null ? "never" : shown);
            return 0;
        }
        Map<String, Object> shown = Documents.shown(state.get(), reveal);
        root.out().println(root.json() ? JsonText.writeCompact(shown) : JsonText.write(shown));
        return 0;
    }
}
