package io.github.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.contract.ContractFixture;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The tables on PostgreSQL: in the schema asked for, and created once when many stores start together. */
class PostgresTablesIT {
    private static final Scope SCOPE = Scope.of("app", "dev");

    @Test
    void theTablesAreCreatedInTheSchemaSet() throws SQLException {
        try (Connection c = DriverManager.getConnection(PostgresServer.url()); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS ops");
        }
        JdbcConfig config = PostgresServer.newConfig().schema("ops").build();
        try (StateStore store = config.open(SCOPE)) {
            store.set("vpc", ContractFixture.state("vpc"));
        }
        try (Connection c = DriverManager.getConnection(PostgresServer.url()); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                        + "'ops' AND table_name LIKE '" + config.table() + "%' ORDER BY table_name")) {
            List<String> tables = new ArrayList<>();
            while (r.next()) {
                tables.add(r.getString(1));
            }
            assertEquals(List.of(config.table(), config.table() + "_schema"), tables);
        }
    }

    @Test
    void storesStartingTogetherCreateTheTablesOnce() throws Exception {
        String table = PostgresServer.newConfig().build().table();
        int starters = 6;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(starters);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < starters; i++) {
                String key = "k" + i;
                done.add(pool.submit(() -> {
                    go.await();
                    try (StateStore store = JdbcConfig.builder().url(PostgresServer.url()).table(table).build()
                            .open(SCOPE)) {
                        store.set(key, ContractFixture.state(key));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = DriverManager.getConnection(PostgresServer.url()); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*), MAX(version) FROM " + table + "_schema")) {
            assertTrue(r.next());
            assertEquals(1, r.getInt(1));
            assertEquals(1, r.getInt(2));
        }
        try (StateStore store = JdbcConfig.builder().url(PostgresServer.url()).table(table).build().open(SCOPE)) {
            assertEquals(starters, store.count());
        }
    }
}
