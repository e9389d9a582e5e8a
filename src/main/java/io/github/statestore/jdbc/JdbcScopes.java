package io.github.statestore.jdbc;

import io.github.statestore.Scope;
import io.github.statestore.spi.ScopeListing;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Names the scopes of a JDBC store's table from its distinct scope column, one query per walk step. Holds no
 * connection between calls; used by one thread at a time.
 */
final class JdbcScopes implements ScopeListing {
    private final Database db;

    JdbcScopes(Database db) {
        this.db = db;
        db.retain();
    }

    @Override
    public List<String> childNames(Scope parent) {
        String prefix = parent == null ? "" : parent + "/";
        List<String> scopes = db.run(new Database.Call("scopes", null, db.names().entries() + " in "
                + db.describe()), c -> {
                    try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT scope FROM "
                            + db.names().entries() + " WHERE kind = '" + JdbcBackend.DOCUMENT + "'");
                            ResultSet r = s.executeQuery()) {
                        List<String> all = new ArrayList<>();
                        while (r.next()) {
                            all.add(r.getString(1));
                        }
                        return all;
                    }
                });
        Set<String> names = new LinkedHashSet<>();
        for (String scope : scopes) {
            if (scope.startsWith(prefix) && scope.length() > prefix.length()) {
                String rest = scope.substring(prefix.length());
                int slash = rest.indexOf('/');
                names.add(slash < 0 ? rest : rest.substring(0, slash));
            }
        }
        return List.copyOf(names);
    }

    @Override
    public void close() {
        db.release();
    }
}
