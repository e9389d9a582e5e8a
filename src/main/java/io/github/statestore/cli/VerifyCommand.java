package io.github.statestore.cli;

import io.github.statestore.CorruptStateException;
import io.github.statestore.Scope;
import io.github.statestore.ScopeCopy;
import io.github.statestore.StateStore;
import io.github.statestore.StateStoreException;
import io.github.statestore.internal.JsonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code statestore verify SCOPE...}: reads every document, reports the unreadable. One instance per run. */
@Command(name = "verify", header = "Checks that every document of the scopes reads.",
        description = {"Reads every document of each SCOPE, one key at a time, and prints each one that"
                + " does not read (corrupt JSON, a field of the wrong type, a secret the password does not"
                + " open) with its key and where it is stored. Changes nothing.",
                "Then one line per scope: how many documents it has and how many do not read (not with"
                + " --quiet). With --json, one JSON object per scope instead:"
                + " {\"scope\":SCOPE,\"documents\":N,\"problems\":[{\"key\":KEY,\"location\":WHERE,"
                + "\"error\":MESSAGE}]}.",
                "Exit code 1 if any document does not read."})
final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    private StatestoreCommand root;

    @Parameters(arity = "1..*", paramLabel = "SCOPE", description = "The scopes, such as my-app/dev.")
    private List<Scope> scopes;

    @Override
    public Integer call() {
        boolean clean = true;
        for (Scope scope : scopes) {
            clean &= verify(scope);
        }
        return clean ? 0 : Cli.FAILURE;
    }

    private boolean verify(Scope scope) {
        List<Map<String, Object>> problems = new ArrayList<>();
        int documents;
        try (StateStore store = root.open(scope); ProgressBar bar = ProgressBar.of(root)) {
            List<String> keys = store.list();
            documents = keys.size();
            long done = 0;
            for (String key : keys) {
                bar.accept(new ScopeCopy.Progress(scope, key, ++done, documents));
                try {
                    store.get(key);
                } catch (CorruptStateException e) {
                    problems.add(problem(key, e.getLocation(), e));
                } catch (StateStoreException e) {
                    problems.add(problem(key, null, e));
                }
            }
        }
        if (root.json()) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("scope", scope.toString());
            report.put("documents", documents);
            report.put("problems", problems);
            root.out().println(JsonText.writeCompact(report));
        } else {
            problems.forEach(p -> root.out().println(scope + ": " + p.get("error")));
            if (!root.quiet()) {
                root.out().println(scope + ": " + documents + (documents == 1 ? " document, " : " documents, ")
                        + problems.size() + (problems.size() == 1 ? " does" : " do") + " not read");
            }
        }
        return problems.isEmpty();
    }

    private static Map<String, Object> problem(String key, String location, StateStoreException e) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("key", key);
        problem.put("location", location);
        problem.put("error", e.getMessage());
        return problem;
    }
}
