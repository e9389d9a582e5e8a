package io.github.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.contract.ConditionalWritesContract;
import io.github.statestore.s3.RetryPolicy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SQLite store's first use checks its tables (creating them if missing) while another connection, of this
 * process or another, is writing: it waits for the writer, as every statement does, rather than fail at once
 * with {@code SQLITE_BUSY}, which a transaction that read the tables and then wrote their version did.
 */
class SqliteTablesTest {
    private static final Scope SCOPE = Scope.of("tables");
    private static final State STATE = ConditionalWritesContract.counter(1);

    @TempDir
    Path dir;

    @Test
    void aFirstUseWaitsForAnotherWriterInsteadOfFailing() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("state.db");
        try (StateStore first = JdbcConfig.builder().url(url).build().open(SCOPE)) {
            first.set("a", STATE);
        }
        JdbcConfig second = JdbcConfig.builder().url(url).retryPolicy(RetryPolicy.none()).build();
        try (Connection writer = DriverManager.getConnection(url); Statement s = writer.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            s.executeUpdate("UPDATE " + JdbcConfig.DEFAULT_TABLE + " SET updated_at = updated_at");
            CompletableFuture<Optional<State>> read = CompletableFuture.supplyAsync(() -> {
                try (StateStore store = second.open(SCOPE)) {
                    return store.get("a");
                }
            });
            assertThrows(TimeoutException.class, () -> read.get(1, TimeUnit.SECONDS),
                    "the first use waits while another connection holds the write lock");
            s.execute("COMMIT");
            assertEquals(Optional.of(STATE), read.get(1, TimeUnit.MINUTES));
        }
    }
}
