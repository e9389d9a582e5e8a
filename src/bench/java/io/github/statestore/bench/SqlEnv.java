package io.github.statestore.bench;

import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.jdbc.JdbcConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where the SQL benchmarks find their databases, passed by {@link SqlSuite} to each forked JMH JVM as system
 * properties, and the two ways every SQL benchmark reaches a database: our JDBC store built from a URL, and
 * one plain JDBC connection opened with the same URL. A database is named {@code postgresql} or {@code sqlite}
 * (the servers' durable defaults: each commit waits for its write-ahead log to reach the disk), or the same
 * with {@value #NO_FLUSH} (a commit that does not wait for that flush: PostgreSQL's
 * {@code synchronous_commit=off}, SQLite's {@code synchronous=NORMAL} in WAL mode), set in the URL so that
 * ours and the raw connection get it alike. Stateless and thread-safe.
 */
final class SqlEnv {
    static final String POSTGRESQL = "postgresql";
    static final String SQLITE = "sqlite";
    /** The suffix of a database name whose commits do not wait for the log's flush. */
    static final String NO_FLUSH = "-noflush";
    /** The JDBC URL of the PostgreSQL server {@link SqlSuite} started. */
    static final String POSTGRES_PROPERTY = "bench.postgresUrl";
    /** The JDBC URL of the SQLite file {@link SqlSuite} seeded. */
    static final String SQLITE_PROPERTY = "bench.sqliteUrl";
    /** The documents' table, our store's default, which the raw statements name too. */
    static final String TABLE = JdbcConfig.DEFAULT_TABLE;
    /** What our store sets on every SQLite connection; the raw connection sets it once. */
    static final String SQLITE_BUSY_TIMEOUT = "PRAGMA busy_timeout = 10000";

    private SqlEnv() {
    }

    /**
     * @param database {@code postgresql} or {@code sqlite}, optionally with {@value #NO_FLUSH}
     * @return its JDBC URL
     */
    static String url(String database) {
        boolean noFlush = database.endsWith(NO_FLUSH);
        String name = noFlush ? database.substring(0, database.length() - NO_FLUSH.length()) : database;
        String url = switch (name) {
            case POSTGRESQL -> required(POSTGRES_PROPERTY);
            case SQLITE -> required(SQLITE_PROPERTY);
            default -> throw new IllegalArgumentException("unknown database " + database);
        };
        if (!noFlush) {
            return url;
        }
        String separator = url.contains("?") ? "&" : "?";
        return url + separator + (name.equals(POSTGRESQL) ? "options=-c%20synchronous_commit%3Doff"
                : "synchronous=NORMAL");
    }

    /** Our store for a scope of a database, with the default settings. */
    static StateStore store(String database, Scope scope) {
        return JdbcConfig.builder().url(url(database)).build().open(scope);
    }

    /** A plain connection in autocommit mode, as a program without our store would keep one open. */
    static Connection connect(String database) throws SQLException {
        Connection connection = DriverManager.getConnection(url(database));
        if (database.startsWith(SQLITE)) {
            try (Statement s = connection.createStatement()) {
                s.execute(SQLITE_BUSY_TIMEOUT);
            }
        }
        return connection;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set: start the benchmarks "
                    + "with BenchSuite (see docs/performance.md)");
        }
        return value;
    }
}
