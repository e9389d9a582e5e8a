package io.github.statestore.jdbc;

import io.github.statestore.AuthenticationException;
import io.github.statestore.InvalidConfigException;
import io.github.statestore.StateStoreException;
import io.github.statestore.StorageException;
import io.github.statestore.StoreUnavailableException;
import io.github.statestore.internal.Operation;
import io.github.statestore.s3.RetryPolicy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One config's database, shared by every store opened from it: its connections, its dialect (found on first
 * use when the caller gave a {@code DataSource}), its tables (created or checked once), and the retry loop
 * every statement runs in. Its pooled connections are closed when the last store using it closes.
 * Thread-safe.
 */
final class Database {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** The version of the tables' layout this release reads and writes. */
    static final int SCHEMA_VERSION = 1;

    private final Connections connections;
    private final TableNames names;
    private final boolean createTables;
    private final RetryPolicy retryPolicy;
    private volatile Dialect dialect;
    private volatile boolean ready;
    private int users;

    Database(Connections connections, Dialect dialect, TableNames names, boolean createTables,
            RetryPolicy retryPolicy) {
        this.connections = connections;
        this.dialect = dialect;
        this.names = names;
        this.createTables = createTables;
        this.retryPolicy = retryPolicy;
    }

    /** Work on one connection; its {@code SQLException} is sorted by {@link SqlFailures}. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** What a call is, for its messages, and whether one of its attempts lost its answer. */
    static final class Call {
        final String operation;
        final String key;
        final String location;
        boolean answerLost;

        Call(String operation, String key, String location) {
            this.operation = operation;
            this.key = key;
            this.location = location;
        }
    }

    TableNames names() {
        return names;
    }

    synchronized void retain() {
        users++;
    }

    synchronized void release() {
        if (--users == 0) {
            connections.closeIdle();
        }
    }

    String describe() {
        return connections.describe();
    }

    /**
     * Runs {@code work} in autocommit mode, again after a failure that a retry may cure (a busy or locked
     * database, a serialization failure, a lost connection: then {@code call.answerLost} is set), waiting the
     * retry policy's backoff between attempts. Callers make every statement safe to repeat.
     *
     * @throws StoreUnavailableException when every attempt failed that way
     * @throws StorageException when one failed another way
     */
    <T> T run(Call call, Work<T> work) {
        ensureReady(call);
        return attempt(call, work);
    }

    /** Creates the tables (when the config asks for it) and checks their layout's version, once. */
    void ensureReady(Call call) {
        if (!ready) {
            prepareTables(call, createTables);
        }
    }

    /** Creates the tables if they are missing, and checks their layout's version. */
    void createTables(Call call) {
        prepareTables(call, true);
    }

    private synchronized void prepareTables(Call call, boolean create) {
        if (ready && !create) {
            return;
        }
        Call setup = new Call(call.operation, null, names.entries() + " in " + describe());
        int found = attempt(setup, connection -> create ? create(connection) : readSchemaVersion(connection));
        if (found > SCHEMA_VERSION) {
            throw new StateStoreException("the tables " + names.entries() + " in " + describe() + " have layout "
                    + "version " + found + ", newer than this release's " + SCHEMA_VERSION
                    + "; upgrade statestore to use them", null, false);
        }
        ready = true;
    }

    private int create(Connection connection) throws SQLException {
        dialect.tune(connection);
        if (!dialect.createsTablesInTransaction()) {
            runCreateStatements(connection);
            return readSchemaVersion(connection);
        }
        connection.setAutoCommit(false);
        try {
            dialect.lockForSchemaChange(connection);
            runCreateStatements(connection);
            int version = readSchemaVersion(connection);
            connection.commit();
            return version;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(connection);
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Creates the tables and records the layout's version, each statement idempotent. */
    private void runCreateStatements(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String ddl : dialect.createTables(names)) {
                s.execute(ddl);
            }
            int recorded = s.executeUpdate("INSERT INTO " + names.schemaVersion() + " (version) SELECT "
                    + SCHEMA_VERSION + " WHERE NOT EXISTS (SELECT 1 FROM " + names.schemaVersion() + ")");
            if (recorded == 1) {
                LOG.info("Created the tables {} and {} (layout version {}) in {}", names.entries(),
                        names.schemaVersion(), SCHEMA_VERSION, describe());
            }
        }
    }

    private int readSchemaVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT MAX(version) FROM " + names.schemaVersion())) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    private <T> T attempt(Call call, Work<T> work) {
        int attempts = retryPolicy.maxAttempts();
        for (int attempt = 1;; attempt++) {
            SQLException failure;
            Connection connection = null;
            boolean sent = false;
            boolean broken = false;
            try {
                connection = connections.borrow();
                prepare(connection);
                sent = true;
                return work.run(connection);
            } catch (SQLException e) {
                failure = e;
                SqlFailures.Kind kind = SqlFailures.classify(e, dialect);
                if (kind == SqlFailures.Kind.PERMANENT) {
                    throw permanent(call, e);
                }
                if (kind == SqlFailures.Kind.ANSWER_LOST) {
                    broken = true;
                    call.answerLost |= sent;
                }
            } finally {
                if (connection != null) {
                    connections.giveBack(connection, broken);
                }
            }
            if (attempt >= attempts) {
                throw new StoreUnavailableException(call.operation + (call.key == null ? "" : " of key '" + call.key
                        + "'") + " failed at " + call.location + " after " + attempts + " attempts: " + failure,
                        names.entries(), call.key, attempts, failure);
            }
            Duration delay = retryPolicy.backoff().delay(attempt);
            LOG.warn("Retrying {} at {} after attempt {} of {} failed ({}: {}); next attempt in {} ms",
                    call.operation, call.location, attempt, attempts, failure.getClass().getSimpleName(),
                    failure.getMessage(), delay.toMillis());
            Operation.retried(false);
            sleep(delay, call);
        }
    }

    private void prepare(Connection connection) throws SQLException {
        if (dialect == null) {
            String product = connection.getMetaData().getDatabaseProductName();
            Dialect found = Dialect.ofProduct(product);
            if (found == null) {
                throw new InvalidConfigException("dataSource", "connects to " + product + "; the JDBC store "
                        + "supports PostgreSQL and SQLite");
            }
            dialect = found;
        }
        if (!connection.getAutoCommit()) {
            connection.setAutoCommit(true);
        }
        connections.prepare(connection, dialect);
    }

    private StateStoreException permanent(Call call, SQLException e) {
        if (SqlFailures.authentication(e)) {
            return new AuthenticationException(names.entries(), describe() + " refused the credentials of "
                    + call.operation + ": " + e.getMessage(), e);
        }
        if (SqlFailures.missingTable(e)) {
            return new StateStoreException(call.operation + " failed at " + call.location + ": the table "
                    + names.entries() + " or " + names.schemaVersion() + " does not exist in " + describe()
                    + "; create them with StateStore.init() (or build the config with createTables(true)), or "
                    + "with the DDL of docs/jdbc.md", e, false);
        }
        return new StorageException(call.operation, call.key, call.location, e, false);
    }

    private static void sleep(Duration delay, Call call) {
        try {
            Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateStoreException("Interrupted while waiting to retry " + call.operation + " at "
                    + call.location, e, true);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The original failure is what the caller needs; the connection is dropped if it is broken.
        }
    }

    Dialect dialect() {
        return dialect;
    }
}
