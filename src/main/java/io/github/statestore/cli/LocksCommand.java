package io.github.statestore.cli;

import io.github.statestore.LockInfo;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StateStores;
import io.github.statestore.StoreConfig;
import io.github.statestore.internal.JsonText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code statestore locks [SCOPE...]}: the locks of scopes, with holders and expiry. One per run. */
@Command(name = "locks", header = "Lists the locks of scopes.",
        description = "Prints each lock of each SCOPE (without SCOPE, of every scope of the store): its name,"
                + " whether it is held, released or expired by this machine's clock, its holder (host, process"
                + " id, lease id), until when, and its fencing token. With --json, one JSON array of"
                + " {\"scope\",\"name\",\"state\",\"holder\",\"until\",\"token\"}.")
final class LocksCommand implements Callable<Integer> {
    @ParentCommand
    private StatestoreCommand root;

    @Parameters(arity = "0..*", paramLabel = "SCOPE", description = "The scopes, such as my-app/dev.")
    private List<Scope> scopes = new ArrayList<>();

    @Override
    public Integer call() {
        StoreConfig config = root.config();
        Instant now = Instant.now();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Scope scope : scopes.isEmpty() ? StateStores.scopes(config) : scopes) {
            try (StateStore store = config.open(scope)) {
                for (LockInfo lock : store.locks()) {
                    rows.add(row(scope, lock, now));
                }
            }
        }
        if (root.json()) {
            root.out().println(JsonText.writeCompact(rows));
        } else {
            rows.forEach(r -> root.out().println(r.get("scope") + " " + r.get("name") + ": " + r.get("state")
                    + " by " + r.get("holder") + (r.get("state").equals("released") ? " at " : " until ")
                    + r.get("until") + ", token " + r.get("token")));
        }
        return 0;
    }

    /** {@return held, released or expired, at {@code now} by this machine's clock} */
    static String state(LockInfo lock, Instant now) {
        return lock.released() ? "released" : lock.isHeldAt(now) ? "held" : "expired";
    }

    private static Map<String, Object> row(Scope scope, LockInfo lock, Instant now) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("scope", scope.toString());
        row.put("name", lock.name());
        row.put("state", state(lock, now));
        row.put("holder", lock.holder().toString());
        row.put("until", lock.expiresAt().toString());
        row.put("token", lock.fencingToken());
        return row;
    }
}
