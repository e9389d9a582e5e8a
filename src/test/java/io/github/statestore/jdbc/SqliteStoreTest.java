package io.github.statestore.jdbc;

import io.github.statestore.HistoryPolicy;
import io.github.statestore.StoreConfig;
import io.github.statestore.contract.StateStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The conformance suite on the JDBC backend over a real SQLite database file. */
class SqliteStoreTest extends StateStoreContract {
    @TempDir
    Path dir;
    private int spaces;

    @Override
    protected StoreConfig newConfig() {
        return JdbcConfig.builder().url("jdbc:sqlite:" + dir.resolve("state.db")).build();
    }

    @Override
    protected StoreConfig newConfig(HistoryPolicy policy) {
        return JdbcConfig.builder().url("jdbc:sqlite:" + dir.resolve("history-" + ++spaces + ".db")).history(policy)
                .build();
    }
}
