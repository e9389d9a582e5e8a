package io.github.statestore.jdbc;

import static io.github.statestore.contract.ConditionalWritesContract.count;
import static io.github.statestore.contract.ConditionalWritesContract.counter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.StateStoreException;
import io.github.statestore.VersionedState;
import io.github.statestore.s3.RetryPolicy;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A PostgreSQL store whose connection the server terminates mid-write ({@code pg_terminate_backend} from
 * another session): the write is applied exactly once, or for an unconditional write of a large document, the
 * old or the new document stays, never a mix; the killed connection is dropped and the store works on. For the
 * conditional writes the store has one connection and two attempts per statement, so that a retry on the
 * killed connection would fail the call.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PostgresConnectionKillIT {
    private static final Scope SCOPE = Scope.of("kill", "test");
    private static final String KEY = "counter";
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private static final RetryPolicy ONE_RETRY = RetryPolicy.builder().maxAttempts(2).build();
    private static final int LARGE_BYTES = 6 << 20;
    private static final int ROUNDS = 6;
    private static final AtomicInteger APPLICATIONS = new AtomicInteger();

    /** The {@code application_name} of the store's connections, which finds them in {@code pg_stat_activity}. */
    private final String application = "statestore_kill_" + APPLICATIONS.incrementAndGet();

    /**
     * Another session holds the row ({@code SELECT … FOR UPDATE}), so the store's conditional write blocks; its
     * connection is terminated while it waits, and the store runs the statement again on a new connection, which
     * blocks in turn until the row is released and then applies the write, once.
     */
    @Test
    void aWriteKilledWhileItWaitsForTheRowIsAppliedOnceOnANewConnection() throws Exception {
        JdbcConfig config = PostgresServer.newConfig().url(PostgresServer.url() + "&ApplicationName=" + application)
                .maxConnections(1).retryPolicy(ONE_RETRY).build();
        try (StateStore store = config.open(SCOPE); Connection admin = connect(PostgresServer.url());
                Connection holder = connect(PostgresServer.url())) {
            store.set(KEY, counter(41));
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.executeQuery("SELECT 1 FROM " + config.table() + " FOR UPDATE").close();
            }
            CompletableFuture<State> update = CompletableFuture.supplyAsync(() -> store.update(KEY, this::increment));
            int killed = awaitBackend(admin, "wait_event_type = 'Lock'", 0);
            terminate(admin, killed);
            int retried = awaitBackend(admin, "wait_event_type = 'Lock'", killed);
            holder.rollback();

            assertEquals(42, count(Optional.of(update.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS))));
            VersionedState stored = store.getVersioned(KEY).orElseThrow();
            assertEquals(counter(42), stored.state());
            assertEquals(List.of(stored.version().token()), column(admin, "version", config.table()));
            store.set("other", counter(1));
            assertEquals(43, count(Optional.of(store.update(KEY, this::increment))));
            assertEquals(List.of(KEY, "other"), store.list());
            assertEquals(List.of(retried), backends(admin), "the store's one connection is the retry's");
        }
    }

    /**
     * On a server whose commits wait for a synchronous standby that never comes, the store's conditional write
     * commits locally and waits; its connection is terminated there, so the write is applied but its answer lost.
     * The store runs the statement again with the same version token on a new connection: it changes no row (a
     * change would wait for the standby forever), and the store, finding its own token in the entry, reports the
     * write done. The counter goes up by one, not two, and the call succeeds.
     */
    @Test
    void aWriteKilledAfterItCommittedIsReportedDoneAndNotAppliedTwice() throws Exception {
        EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("synchronous_standby_names", "nobody")
                .setServerConfig("synchronous_commit", "on").start();
        try {
            String url = server.getJdbcUrl("postgres", "postgres");
            JdbcConfig setup = JdbcConfig.builder().url(url + "&options=-c%20synchronous_commit%3Dlocal")
                    .table("killed_after_commit").build();
            try (StateStore prepared = setup.open(SCOPE)) {
                prepared.set(KEY, counter(41));
            }
            JdbcConfig config = JdbcConfig.builder().url(url + "&ApplicationName=" + application)
                    .table("killed_after_commit").maxConnections(1).retryPolicy(ONE_RETRY).build();
            try (StateStore store = config.open(SCOPE); Connection admin = connect(url)) {
                CompletableFuture<State> update = CompletableFuture.supplyAsync(() -> store.update(KEY,
                        this::increment));
                int killed = awaitBackend(admin, "wait_event = 'SyncRep'", 0);
                terminate(admin, killed);

                assertEquals(42, count(Optional.of(update.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS))));
                assertEquals(counter(42), store.get(KEY).orElseThrow());
                assertEquals(1, column(admin, "version", "killed_after_commit").size());
            }
        } finally {
            server.close();
        }
    }

    /**
     * An unconditional write of a {@value #LARGE_BYTES}-byte document, without retries, its connection terminated
     * once the server is seen working on it: at once in the first round, and later each round, the last ones
     * later than an unhindered write takes. The entry holds, byte for byte, the old document or the new one, and
     * the new one if the write reported success. Each round has a store of its own, so that no round inherits a
     * connection killed after its write. The outcomes are printed.
     */
    @Test
    void aLargeWriteKilledMidwayLeavesTheOldOrTheNewDocument() throws Exception {
        JdbcConfig resets = PostgresServer.newConfig().build();
        State old = large("old");
        State fresh = large("new");
        List<String> outcomes = new ArrayList<>();
        try (StateStore reset = resets.open(SCOPE); Connection admin = connect(PostgresServer.url())) {
            reset.set(KEY, fresh);
            String freshDigest = digest(admin, resets.table());
            long unhindered = Long.MAX_VALUE;
            for (int i = 0; i < 2; i++) {
                long start = System.nanoTime();
                reset.set(KEY, i == 0 ? old : fresh);
                unhindered = Math.min(unhindered, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
            for (int round = 0; round < ROUNDS; round++) {
                reset.set(KEY, old);
                String oldDigest = digest(admin, resets.table());
                assertNotEquals(oldDigest, freshDigest);
                JdbcConfig once = JdbcConfig.builder().url(PostgresServer.url() + "&ApplicationName=" + application)
                        .table(resets.table()).maxConnections(1)
                        .retryPolicy(RetryPolicy.none()).build();
                try (StateStore store = once.open(SCOPE)) {
                    assertEquals(old, store.get(KEY).orElseThrow());
                    CompletableFuture<Void> write = CompletableFuture.runAsync(() -> store.set(KEY, fresh));
                    String killed = killWhenActive(admin, write, round * unhindered / (ROUNDS - 2));
                    String answer = write.handle((done, failure) -> failure == null ? "done"
                            : failure.getCause() instanceof StateStoreException ? "failed" : failure.toString()).get();
                    String digest = digest(admin, resets.table());
                    assertTrue(digest.equals(oldDigest) || digest.equals(freshDigest), "round " + round + ": the "
                            + "entry holds neither document, its digest " + digest);
                    State holds = digest.equals(freshDigest) ? fresh : old;
                    assertEquals(holds, reset.get(KEY).orElseThrow());
                    assertTrue(answer.equals("failed") || holds == fresh, "round " + round + ": the write "
                            + "reported " + answer + " but the entry holds the old document");
                    outcomes.add(killed + ": " + answer + ", " + holds.id());
                }
            }
            System.out.println("PostgreSQL, a " + LARGE_BYTES + "-byte document write (" + unhindered + " ms "
                    + "unhindered) killed midway, each round: " + outcomes);
        }
    }

    /**
     * Terminates the store's backend working on a statement, {@code delayMillis} after it is first seen at it.
     *
     * @return when it was killed, or that the write ended first
     */
    private String killWhenActive(Connection admin, CompletableFuture<?> write,
            long delayMillis) throws Exception {
        try (PreparedStatement s = admin.prepareStatement("SELECT pid, coalesce(wait_event, 'running') FROM "
                + "pg_stat_activity WHERE application_name = ? AND state = 'active'")) {
            s.setString(1, application);
            while (!write.isDone()) {
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        Thread.sleep(delayMillis);
                        terminate(admin, r.getInt(1));
                        return "killed " + delayMillis + " ms after seen " + r.getString(2);
                    }
                }
                Thread.sleep(1);
            }
            return "ended before it was seen";
        }
    }

    private State increment(Optional<State> current) {
        return counter(count(current) + 1);
    }

    private static State large(String generation) {
        byte[] noise = new byte[LARGE_BYTES * 3 / 4];
        new Random(generation.hashCode()).nextBytes(noise);
        return State.builder().status(State.Status.CREATED).kind("test::Blob").id(generation)
                .fqn(SCOPE + "/" + KEY).seq(0)
                .props(Map.of("generation", generation, "blob", Base64.getEncoder().encodeToString(noise))).build();
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url);
    }

    /**
     * Polls {@code pg_stat_activity} until a backend of the store's, other than {@code other}, meets a condition.
     *
     * @return its pid
     */
    private int awaitBackend(Connection admin, String condition, int other) throws Exception {
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        try (PreparedStatement s = admin.prepareStatement("SELECT pid FROM pg_stat_activity WHERE application_name"
                + " = ? AND pid <> ? AND " + condition)) {
            s.setString(1, application);
            s.setInt(2, other);
            while (true) {
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        return r.getInt(1);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no backend of " + application + " met " + condition + " within "
                            + HANG_GUARD);
                }
                Thread.sleep(1);
            }
        }
    }

    /** {@return the pids of the store's backends} */
    private List<Integer> backends(Connection admin) throws SQLException {
        try (PreparedStatement s = admin.prepareStatement("SELECT pid FROM pg_stat_activity WHERE "
                + "application_name = ?")) {
            s.setString(1, application);
            List<Integer> pids = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    pids.add(r.getInt(1));
                }
            }
            return pids;
        }
    }

    private static void terminate(Connection admin, int pid) throws SQLException {
        try (PreparedStatement s = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
            s.setInt(1, pid);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next() && r.getBoolean(1), "pg_terminate_backend(" + pid + ")");
            }
        }
    }

    private static List<String> column(Connection admin, String column, String table) throws SQLException {
        try (Statement s = admin.createStatement(); ResultSet r = s.executeQuery("SELECT " + column + " FROM "
                + table + " WHERE kind = 'd' AND name = '" + KEY + "'")) {
            List<String> values = new ArrayList<>();
            while (r.next()) {
                values.add(r.getString(1));
            }
            return values;
        }
    }

    /** {@return the MD5 digest and length of the entry's stored document} */
    private static String digest(Connection admin, String table) throws SQLException {
        return column(admin, "md5(document) || ' ' || length(document)", table).get(0);
    }
}
