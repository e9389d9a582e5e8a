package io.github.statestore.cli;

import io.github.statestore.HistoryEntry;
import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.internal.JsonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code statestore history SCOPE KEY}: the versions a key's history keeps. One instance serves one run. */
@Command(name = "history", header = "Lists the versions a key's history keeps.",
        description = {"Prints the versions of KEY that the store's history keeps (docs/history.md), newest first,"
                + " one line each: the version, when a write or delete replaced it, its size in bytes, whether"
                + " a delete removed it, its status and seq. With --json, one JSON array of objects with"
                + " version, replacedAt, size, deleted, status and seq (status and seq null when the document has"
                + " none). Nothing is printed for a key without history. It lists what earlier"
                + " writes kept whatever the store's URL says; restore needs history on."})
final class HistoryCommand implements Callable<Integer> {
    @ParentCommand
    private StatestoreCommand root;

    @Parameters(index = "0", paramLabel = "SCOPE", description = "The scope, such as my-app/dev.")
    private Scope scope;

    @Parameters(index = "1", paramLabel = "KEY", description = "The key, such as api/database.")
    private String key;

    @Override
    public Integer call() {
        List<HistoryEntry> entries;
        try (StateStore store = root.open(scope)) {
            entries = store.history(key);
        }
        if (root.json()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            entries.forEach(entry -> rows.add(row(entry)));
            root.out().println(JsonText.writeCompact(rows));
        } else {
            for (HistoryEntry entry : entries) {
                root.out().println(entry.version().token() + " " + entry.replacedAt() + " " + entry.size()
                        + " bytes" + (entry.deleted() ? " deleted" : "")
                        + entry.status().map(s -> " " + s.json()).orElse("")
                        + (entry.seq().isPresent() ? " seq " + entry.seq().getAsLong() : ""));
            }
        }
        return 0;
    }

    private static Map<String, Object> row(HistoryEntry entry) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("version", entry.version().token());
        row.put("replacedAt", entry.replacedAt().toString());
        row.put("size", entry.size());
        row.put("deleted", entry.deleted());
        row.put("status", entry.status().map(State.Status::json).orElse(null));
        row.put("seq", entry.seq().isPresent() ? entry.seq().getAsLong() : null);
        return row;
    }
}
