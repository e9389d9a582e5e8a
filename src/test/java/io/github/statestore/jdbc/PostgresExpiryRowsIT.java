package io.github.statestore.jdbc;

import javax.sql.DataSource;

/** Where the JDBC backend keeps a document's expiry, on a real PostgreSQL server. */
class PostgresExpiryRowsIT extends JdbcExpiryRowsContract {
    @Override
    DataSource dataSource() {
        return PostgresServer.get().getPostgresDatabase();
    }

    @Override
    String newTable() {
        return PostgresServer.newConfig().build().table();
    }
}
