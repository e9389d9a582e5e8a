package io.github.statestore.cli;

import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code statestore rm SCOPE KEY...}: deletes states. One instance serves one run. */
@Command(name = "rm", header = "Deletes states.",
        description = "Deletes each KEY of the scope, in order. A key that is absent is no error.")
final class RmCommand implements Callable<Integer> {
    @ParentCommand
    private StatestoreCommand root;

    @Parameters(index = "0", paramLabel = "SCOPE", description = "The scope, such as my-app/dev.")
    private Scope scope;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "KEY", description = "The keys to delete.")
    private List<String> keys;

    @Override
    public Integer call() {
        try (StateStore store = root.open(scope)) {
            keys.forEach(store::delete);
        }
        return 0;
    }
}
