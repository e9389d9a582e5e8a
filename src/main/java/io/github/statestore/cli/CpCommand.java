package io.github.statestore.cli;

import io.github.statestore.Scope;
import io.github.statestore.ScopeCopy;
import io.github.statestore.StateStores;
import io.github.statestore.StoreConfig;
import io.github.statestore.internal.JsonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code statestore cp FROM TO [SCOPE...]}: copies scopes between two stores. One instance serves one run. */
@Command(name = "cp", header = "Copies scopes from one store to another.",
        description = {"Copies each SCOPE, with the scopes below it unless --only, from the store FROM to the"
                + " store TO (store URLs, as --url takes); without SCOPE, every scope of FROM. Documents are"
                + " copied byte for byte: secrets stay sealed, no password is needed.",
                "A key absent in TO is created; one with the same bytes is left alone; one with other bytes is"
                + " refused unless --overwrite. Running the same copy again finishes an interrupted one.",
                "Prints each refused key and what was done (with --json, one JSON object with the counts and"
                + " the refusals); exit code 1 if any key was refused."})
final class CpCommand implements Callable<Integer> {
    @ParentCommand
    private StatestoreCommand root;

    @Parameters(index = "0", paramLabel = "FROM", description = "The store to copy from, such as file:.alchemy.")
    private String from;

    @Parameters(index = "1", paramLabel = "TO", description = "The store to copy to, such as s3://my-state.")
    private String to;

    @Parameters(index = "2..*", arity = "0..*", paramLabel = "SCOPE",
            description = "The scopes to copy, such as my-app; default: every scope of FROM.")
    private List<Scope> scopes = new ArrayList<>();

    @Option(names = "--only", description = "Copy each SCOPE alone, not the scopes below it.")
    private boolean only;

    @Option(names = "--overwrite", description = "Replace keys that TO holds with other content.")
    private boolean overwrite;

    @Option(names = "--dry-run", description = "Count what would be copied; write nothing.")
    private boolean dryRun;

    @Option(names = "--verify", description = "Read each key back from TO and compare it with FROM's.")
    private boolean verify;

    @Override
    public Integer call() {
        StoreConfig source = root.config(from, "FROM");
        StoreConfig target = root.config(to, "TO");
        List<Scope> tops = scopes.isEmpty()
                ? StateStores.scopes(source).stream().filter(s -> s.names().size() == 1).toList() : scopes;
        List<ScopeCopy.Report> reports = new ArrayList<>();
        try (ProgressBar bar = ProgressBar.of(root)) {
            for (Scope scope : tops) {
                ScopeCopy.Builder copy = ScopeCopy.from(source).to(target).overwrite(overwrite).dryRun(dryRun)
                        .verify(verify).progress(bar);
                reports.add((only ? copy.scope(scope) : copy.tree(scope)).run());
            }
        }
        Map<String, Object> total = total(reports);
        if (root.json()) {
            root.out().println(JsonText.writeCompact(total));
        } else {
            reports.stream().flatMap(r -> r.refused().stream())
                    .forEach(r -> root.out().println(line(r)));
            if (!root.quiet()) {
                root.out().println((dryRun ? "Would copy: " : "Copied: ") + total.get("copied") + " new, "
                        + total.get("overwritten") + " overwritten, " + total.get("unchanged") + " unchanged, "
                        + total.get("refused") + " refused, in " + total.get("scopes") + " scopes"
                        + (verify && !dryRun ? "; " + total.get("verified") + " verified" : ""));
            }
        }
        return reports.stream().allMatch(r -> r.refused().isEmpty()) ? 0 : Cli.FAILURE;
    }

    /** {@return how a refused key is printed: {@code SCOPE KEY: REASON}} */
    static String line(ScopeCopy.Refused r) {
        return r.scope() + " " + r.key() + ": " + r.reason();
    }

    private Map<String, Object> total(List<ScopeCopy.Report> reports) {
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("scopes", reports.stream().mapToLong(r -> r.scopes().size()).sum());
        total.put("copied", reports.stream().mapToLong(ScopeCopy.Report::copied).sum());
        total.put("overwritten", reports.stream().mapToLong(ScopeCopy.Report::overwritten).sum());
        total.put("unchanged", reports.stream().mapToLong(ScopeCopy.Report::unchanged).sum());
        total.put("verified", reports.stream().mapToLong(ScopeCopy.Report::verified).sum());
        total.put("refused", reports.stream().mapToLong(r -> r.refused().size()).sum());
        total.put("dryRun", dryRun);
        total.put("refusals", reports.stream().flatMap(r -> r.refused().stream()).map(r -> {
            Map<String, Object> refusal = new LinkedHashMap<>();
            refusal.put("scope", r.scope().toString());
            refusal.put("key", r.key());
            refusal.put("reason", r.reason());
            return refusal;
        }).toList());
        return total;
    }
}
