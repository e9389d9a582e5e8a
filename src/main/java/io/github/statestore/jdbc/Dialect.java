package io.github.statestore.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * What differs between the SQL databases the JDBC store supports: the column types of the tables, how a
 * database is recognised, which driver to add, and how a connection is prepared. Statements themselves are the
 * same on both ({@code INSERT … ON CONFLICT} is PostgreSQL's since 9.5 and SQLite's since 3.24). Immutable.
 */
enum Dialect {
    /** PostgreSQL 12 or later. */
    POSTGRESQL("PostgreSQL", "BYTEA", "TIMESTAMPTZ", "org.postgresql:postgresql"),
    /** SQLite 3.24 or later, through the xerial driver. */
    SQLITE("SQLite", "BLOB", "TEXT", "org.xerial:sqlite-jdbc");

    /** How long a SQLite connection waits for another writer's lock before it reports the database busy. */
    static final int SQLITE_BUSY_TIMEOUT_MILLIS = 10_000;

    private final String product;
    private final String bytesType;
    private final String timeType;
    private final String driver;

    Dialect(String product, String bytesType, String timeType, String driver) {
        this.product = product;
        this.bytesType = bytesType;
        this.timeType = timeType;
        this.driver = driver;
    }

    /**
     * The dialect of a JDBC URL, or {@code null} when it names another database.
     *
     * @param url such as {@code jdbc:postgresql://host/db}
     */
    static Dialect ofUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        return lower.startsWith("jdbc:sqlite:") ? SQLITE : null;
    }

    /**
     * The dialect of a database as its driver names it, or {@code null} when it is another one.
     *
     * @param productName {@link java.sql.DatabaseMetaData#getDatabaseProductName()}
     */
    static Dialect ofProduct(String productName) {
        for (Dialect d : values()) {
            if (d.product.equalsIgnoreCase(productName)) {
                return d;
            }
        }
        return null;
    }

    /** {@return the database's name, as its driver reports it} */
    String product() {
        return product;
    }

    /** {@return the Maven coordinates of the driver to add} */
    String driver() {
        return driver;
    }

    /** {@return the statements that create the tables, each idempotent} */
    String[] createTables(TableNames names) {
        return new String[] {
            "CREATE TABLE IF NOT EXISTS " + names.entries() + " (\n"
                    + "    scope      TEXT        NOT NULL,\n"
                    + "    kind       TEXT        NOT NULL,\n"
                    + "    name       TEXT        NOT NULL,\n"
                    + "    document   " + pad(bytesType) + " NOT NULL,\n"
                    + "    version    TEXT        NOT NULL,\n"
                    + "    created_at " + pad(timeType) + " NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
                    + "    updated_at " + pad(timeType) + " NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
                    + "    PRIMARY KEY (scope, kind, name)\n"
                    + ")",
            "CREATE TABLE IF NOT EXISTS " + names.schemaVersion() + " (version INTEGER NOT NULL)"
        };
    }

    private static String pad(String type) {
        return String.format(Locale.ROOT, "%-11s", type);
    }

    /**
     * {@return whether the tables are created in one transaction, under {@link #lockForSchemaChange}} Only on
     * PostgreSQL. On SQLite each statement runs on its own, atomic and idempotent: a transaction there starts
     * as a reader when a table exists already, and its later write fails at once with {@code SQLITE_BUSY},
     * without waiting, whenever another process wrote since its read, which a busy database does all the time.
     */
    boolean createsTablesInTransaction() {
        return this == POSTGRESQL;
    }

    /**
     * Serializes the creation of the tables against other processes doing the same, inside the transaction
     * of {@code connection}: PostgreSQL's concurrent {@code CREATE TABLE IF NOT EXISTS} can fail on a catalog
     * race, so it takes a transaction-scoped advisory lock.
     */
    void lockForSchemaChange(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(7306050718243402587)");
        }
    }

    /**
     * Prepares a connection for the store's statements, before its first use (and, from a caller's
     * {@code DataSource}, before every use): SQLite waits for other writers' locks instead of failing.
     */
    void prepare(Connection connection) throws SQLException {
        if (this == SQLITE) {
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + SQLITE_BUSY_TIMEOUT_MILLIS);
            }
        }
    }

    /** Run before the tables are created: SQLite's write-ahead log lets readers go on while one writes. */
    void tune(Connection connection) throws SQLException {
        if (this == SQLITE) {
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
            }
        }
    }
}
