package io.github.statestore.cli;

import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.Version;
import io.github.statestore.internal.JsonText;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code statestore restore SCOPE KEY VERSION}: writes a kept version back. One instance serves one run. */
@Command(name = "restore", header = "Writes a version from a key's history back.",
        description = {"Writes the version VERSION of KEY, as the history command lists it, back as the key's"
                + " current state, with compare-and-set against the state it replaces, which the history keeps in"
                + " turn (StateStore.restore); a deleted key comes back. Prints the new version (with --json,"
                + " {\"version\"}). The store must keep history: a URL with the parameter"
                + " historyVersions or historyFor (docs/history.md).",
                "Exit code 1 if the history keeps no such version, or history is off."})
final class RestoreCommand implements Callable<Integer> {
    @ParentCommand
    private StatestoreCommand root;

    @Parameters(index = "0", paramLabel = "SCOPE", description = "The scope, such as my-app/dev.")
    private Scope scope;

    @Parameters(index = "1", paramLabel = "KEY", description = "The key, such as api/database.")
    private String key;

    @Parameters(index = "2", paramLabel = "VERSION",
            description = "The version to write back, as history lists it.")
    private String version;

    @Override
    public Integer call() {
        Version restored;
        try (StateStore store = root.open(scope)) {
            restored = store.restore(key, Version.of(version));
        }
        root.out().println(root.json() ? JsonText.writeCompact(Map.of("version", restored.token()))
                : restored.token());
        return 0;
    }
}
