package io.github.statestore.cli;

import io.github.statestore.Scope;
import io.github.statestore.StateStores;
import io.github.statestore.StoreConfig;
import io.github.statestore.internal.Differ;
import io.github.statestore.internal.JsonText;
import io.github.statestore.internal.ScopeWalk;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code statestore diff FROM TO [SCOPE...]}: which keys differ between two stores. One per run. */
@Command(name = "diff", header = "Shows which keys differ between two stores.",
        description = {"Compares each SCOPE and the scopes below it (without SCOPE, every scope of either"
                + " store) in the stores FROM and TO, document by document as stored (secrets compare sealed),"
                + " and prints one line per key that differs: '- SCOPE KEY' only in FROM, '+ SCOPE KEY' only"
                + " in TO, '~ SCOPE KEY' in both with other content. With --json, one JSON array of"
                + " {\"scope\",\"key\",\"change\"}.",
                "Exit code 0 when nothing differs, 1 when something does."})
final class DiffCommand implements Callable<Integer> {
    @ParentCommand
    private StatestoreCommand root;

    @Parameters(index = "0", paramLabel = "FROM", description = "A store, such as file:.alchemy.")
    private String from;

    @Parameters(index = "1", paramLabel = "TO", description = "Another store, such as s3://my-state.")
    private String to;

    @Parameters(index = "2..*", arity = "0..*", paramLabel = "SCOPE",
            description = "The scopes to compare, such as my-app; default: every scope of either store.")
    private List<Scope> trees = new ArrayList<>();

    @Override
    public Integer call() {
        StoreConfig first = root.config(from, "FROM");
        StoreConfig second = root.config(to, "TO");
        TreeSet<Scope> scopes = new TreeSet<>(ScopeWalk.ORDER);
        if (trees.isEmpty()) {
            scopes.addAll(StateStores.scopes(first));
            scopes.addAll(StateStores.scopes(second));
        }
        for (Scope tree : trees) {
            scopes.addAll(ScopeWalk.tree(first, tree));
            scopes.addAll(ScopeWalk.tree(second, tree));
        }
        List<Differ.Difference> differences = Differ.diff(first, second, List.copyOf(scopes));
        if (root.json()) {
            root.out().println(JsonText.writeCompact(differences.stream().map(d -> {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("scope", d.scope().toString());
                line.put("key", d.key());
                line.put("change", switch (d.change()) {
                    case ONLY_IN_FIRST -> "only in FROM";
                    case ONLY_IN_SECOND -> "only in TO";
                    case CHANGED -> "changed";
                });
                return line;
            }).toList()));
        } else {
            for (Differ.Difference d : differences) {
                String sign = switch (d.change()) {
                    case ONLY_IN_FIRST -> "-";
                    case ONLY_IN_SECOND -> "+";
                    case CHANGED -> "~";
                };
                root.out().println(sign + " " + d.scope() + " " + d.key());
            }
        }
        return differences.isEmpty() ? 0 : Cli.FAILURE;
    }
}
