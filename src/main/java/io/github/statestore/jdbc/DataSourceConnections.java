package io.github.statestore.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Connections from the caller's {@link DataSource} (their pool), closed after each use. Thread-safe. */
final class DataSourceConnections implements Connections {
    private final DataSource dataSource;

    DataSourceConnections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection borrow() throws SQLException {
        return dataSource.getConnection();
    }

    /** Prepares every connection: the caller's pool may hand out one it never had, or one reset since. */
    @Override
    public void prepare(Connection connection, Dialect dialect) throws SQLException {
        dialect.prepare(connection);
    }

    @Override
    public void giveBack(Connection connection, boolean broken) {
        PooledConnections.closeQuietly(connection);
    }

    @Override
    public void closeIdle() {
        // The caller's DataSource is theirs to close.
    }

    @Override
    public String describe() {
        return "DataSource " + dataSource.getClass().getName();
    }
}
