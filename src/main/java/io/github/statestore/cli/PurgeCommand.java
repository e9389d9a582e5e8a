package io.github.statestore.cli;

import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.internal.JsonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code statestore purge SCOPE...}: removes the scopes' expired entries. One instance serves one run. */
@Command(name = "purge", header = "Removes the expired entries of scopes.",
        description = {"Removes every entry of each SCOPE whose expiry (put --ttl) has passed by this machine's"
                + " clock, as StateStore.purgeExpired does: each with a compare-and-set delete, so that an entry"
                + " written again meanwhile stays. Reads already miss expired entries; purge frees their storage."
                + " Prints, per scope, how many it removed (with --json, one JSON array of"
                + " {\"scope\",\"removed\"}). Nested scopes are not purged.",
                "Exit code 1 if the store's backend keeps no expiry."})
final class PurgeCommand implements Callable<Integer> {
    @ParentCommand
    private StatestoreCommand root;

    @Parameters(arity = "1..*", paramLabel = "SCOPE", description = "The scopes, such as my-app/dev.")
    private List<Scope> scopes;

    @Override
    public Integer call() {
        StoreConfig config = root.config();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Scope scope : scopes) {
            int removed;
            try (StateStore store = config.open(scope)) {
                removed = store.purgeExpired();
            }
            if (root.json()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("scope", scope.toString());
                row.put("removed", removed);
                rows.add(row);
            } else {
                root.out().println(scope + ": " + removed + (removed == 1 ? " expired entry" : " expired entries")
                        + " removed");
                root.out().flush();
            }
        }
        if (root.json()) {
            root.out().println(JsonText.writeCompact(rows));
        }
        return 0;
    }
}
