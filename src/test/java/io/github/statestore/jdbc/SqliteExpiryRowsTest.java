package io.github.statestore.jdbc;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** Where the JDBC backend keeps a document's expiry, on a SQLite file. */
class SqliteExpiryRowsTest extends JdbcExpiryRowsContract {
    @TempDir
    Path dir;

    @Override
    DataSource dataSource() {
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + dir.resolve("state.db"));
        return sqlite;
    }

    @Override
    String newTable() {
        return JdbcConfig.DEFAULT_TABLE;
    }
}
