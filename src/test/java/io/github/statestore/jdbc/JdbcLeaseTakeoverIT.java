package io.github.statestore.jdbc;

import io.github.statestore.LeaseTakeovers;
import io.github.statestore.LeaseTakeovers.Space;
import io.github.statestore.StoreConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cross-process lease scenarios of {@link LeaseTakeovers} on both SQL dialects: a lease holder in another
 * JVM that dies (SIGKILL) blocks the lock only until its ttl runs out, and one that stalls (SIGSTOP) is taken
 * over and its late write fenced. The child opens the store through a {@code jdbc:} URL.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class JdbcLeaseTakeoverIT {
    /**
     * The byte of a WAL database's {@code -shm} file that SQLite's writer locks: a child stopped holding it
     * would block this JVM's writes until it resumes.
     */
    private static final long SQLITE_WRITE_LOCK_BYTE = 120;
    private static final AtomicInteger TABLES = new AtomicInteger();

    @TempDir
    Path dir;

    @Test
    void sqliteHolderThatDiesBlocksOthersOnlyUntilItsLeaseExpires() throws Exception {
        LeaseTakeovers.assertKilledHolderBlocksOnlyUntilItsLeaseExpires("SQLite", sqlite());
    }

    @Test
    void postgresqlHolderThatDiesBlocksOthersOnlyUntilItsLeaseExpires() throws Exception {
        LeaseTakeovers.assertKilledHolderBlocksOnlyUntilItsLeaseExpires("PostgreSQL", postgresql());
    }

    @Test
    void sqliteStalledHolderIsTakenOverAndItsLateWriteIsFenced() throws Exception {
        LeaseTakeovers.assertStalledHolderIsTakenOverAndFenced(sqlite());
    }

    @Test
    void postgresqlStalledHolderIsTakenOverAndItsLateWriteIsFenced() throws Exception {
        LeaseTakeovers.assertStalledHolderIsTakenOverAndFenced(postgresql());
    }

    private Space sqlite() {
        Path file = dir.resolve("state.db");
        String url = "jdbc:sqlite:" + file;
        return new Space(url, Map.of(), StoreConfig.parse(url), LeaseTakeovers.holdsLockOn(
                file.resolveSibling(file.getFileName() + "-shm"), SQLITE_WRITE_LOCK_BYTE));
    }

    /** A PostgreSQL client stopped mid-statement holds no lock: each statement commits in the server alone. */
    private static Space postgresql() {
        String url = PostgresServer.url() + "&table=lease_" + ProcessHandle.current().pid() + "_"
                + TABLES.incrementAndGet();
        return new Space(url, Map.of(), StoreConfig.parse(url));
    }
}
