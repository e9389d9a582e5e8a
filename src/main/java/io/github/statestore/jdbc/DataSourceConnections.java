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
