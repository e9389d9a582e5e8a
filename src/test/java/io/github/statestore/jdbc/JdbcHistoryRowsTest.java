package io.github.statestore.jdbc;

import static io.github.statestore.contract.StateStoreContract.state;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.HistoryPolicy;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StateStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the JDBC store keeps history: a row per kept document in the same table, of kind {@code h:<key>}
 * (so that one key's entries are one range of the primary key), its name the entry's and its bytes the kept
 * document's; scope discovery, which reads only document rows, does not see a scope that holds only history.
 */
class JdbcHistoryRowsTest {
    @TempDir
    Path dir;

    @Test
    void eachKeptDocumentIsARowOfItsKeysKind() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("state.db");
        JdbcConfig config = JdbcConfig.builder().url(url).history(HistoryPolicy.keepVersions(5)).build();
        byte[] first;
        try (StateStore store = config.open(Scope.of("app", "dev"))) {
            store.set("api/db", state("one"));
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT document FROM " + JdbcConfig.DEFAULT_TABLE)) {
                assertTrue(r.next());
                first = r.getBytes(1);
            }
            store.set("api/db", state("two"));
            store.delete("api/db");
        }
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT scope, kind, name, document FROM " + JdbcConfig.DEFAULT_TABLE
                        + " ORDER BY name")) {
            while (r.next()) {
                rows.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3).substring(0, 2));
                if (r.getString(3).startsWith("1.")) {
                    assertArrayEquals(first, r.getBytes(4));
                }
            }
        }
        assertEquals(List.of("app/dev h:api/db 1.", "app/dev h:api/db 2."), rows);
        assertEquals(List.of(), StateStores.scopes(config));
    }
}
