package io.github.statestore.cli;

import io.github.statestore.Scope;
import io.github.statestore.StateStores;
import io.github.statestore.internal.JsonText;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code statestore scopes [SCOPE]}: the scopes of the store, or those below one. One instance serves one run. */
@Command(name = "scopes", header = "Lists the scopes of the store.",
        description = "Prints every scope of the store, nested ones included, sorted, one per line (with --json,"
                + " a JSON array), without reading a document; with SCOPE, only the scopes below it.")
final class ScopesCommand implements Callable<Integer> {
    @ParentCommand
    private StatestoreCommand root;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCOPE",
            description = "Only the scopes below this one, such as my-app.")
    private Scope under;

    @Override
    public Integer call() {
        List<Scope> scopes = under == null ? StateStores.scopes(root.config())
                : StateStores.scopes(root.config(), under);
        List<String> names = scopes.stream().map(Scope::toString).toList();
        if (root.json()) {
            root.out().println(JsonText.writeCompact(names));
        } else {
            names.forEach(root.out()::println);
        }
        return 0;
    }
}
