package io.github.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.statestore.ConflictException;
import io.github.statestore.OutcomeUnknownException;
import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.Version;
import io.github.statestore.contract.ContractFixture;
import io.github.statestore.spi.Entry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes whose answer is lost after PostgreSQL applied them (the connection fails on the way back, SQLState
 * {@code 08006}): applied once and reported as success, or, when another writer changed the row before the
 * retry, {@code OutcomeUnknownException}; never applied twice, never a conflict for a write that happened.
 */
class PostgresLostAnswerIT {
    private static final Scope SCOPE = Scope.of("app", "dev");

    /** What to do after the next writes reach the server, before their answer is dropped. */
    private final Deque<Runnable> lost = new ArrayDeque<>();
    private final AtomicInteger writes = new AtomicInteger();
    private JdbcConfig plain;
    private JdbcConfig faulty;
    private StateStore store;
    private StateStore other;

    @BeforeEach
    void open() {
        plain = PostgresServer.newConfig().build();
        other = plain.open(SCOPE);
        other.init();
        faulty = JdbcConfig.builder().dataSource(losingAnswers(PostgresServer.get().getPostgresDatabase()))
                .table(plain.table()).build();
        store = faulty.open(SCOPE);
    }

    @AfterEach
    void close() {
        store.close();
        other.close();
    }

    @Test
    void aSetWhoseAnswerWasLostIsAppliedOnce() {
        lost.add(() -> { });
        store.set("vpc", state("vpc", 1));
        assertEquals(2, writes.get());
        assertEquals(1, other.get("vpc").orElseThrow().seq());
    }

    @Test
    void aCreateWhoseAnswerWasLostSucceedsWithTheVersionItWrote() {
        lost.add(() -> { });
        Version created = store.create("vpc", state("vpc", 1));
        assertEquals(created, other.getVersioned("vpc").orElseThrow().version());
    }

    @Test
    void anUpdateWhoseAnswerWasLostIncrementsOnce() {
        other.set("counter", state("counter", 0));
        lost.add(() -> { });
        State written = store.update("counter", s -> s.map(c -> c.toBuilder().seq(c.seq() + 1).build()).orElseThrow());
        assertEquals(1, written.seq());
        assertEquals(1, other.get("counter").orElseThrow().seq());
    }

    @Test
    void aSetIfWhoseRowAnotherWriterChangedBeforeTheRetryIsOfUnknownOutcome() {
        Version v = other.create("vpc", state("vpc", 1));
        lost.add(() -> other.set("vpc", state("vpc", 7)));
        OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
                () -> store.setIf("vpc", state("vpc", 2), v));
        assertEquals("vpc", e.getKey());
        assertEquals(7, other.get("vpc").orElseThrow().seq());
    }

    @Test
    void aDeleteIfWhoseAnswerWasLostIsOfUnknownOutcome() {
        Version v = other.create("vpc", state("vpc", 1));
        lost.add(() -> { });
        assertThrows(OutcomeUnknownException.class, () -> store.deleteIf("vpc", v));
        assertEquals(java.util.Optional.empty(), other.get("vpc"));
    }

    @Test
    void aWriteWithAnExpiryWhoseAnswerWasLostRecognisesItsOwnToken() {
        Instant expiresAt = Instant.parse("2031-05-06T07:08:09.123Z");
        Version v = other.create("vpc", state("vpc", 1));
        try (JdbcBackend backend = faulty.backend(SCOPE)) {
            lost.add(() -> { });
            String written = backend.writeIf("vpc", JdbcExpiryRowsContract.doc("two"), v.token(), expiresAt);
            assertEquals(2, writes.get(), "the lost attempt, then the retry that finds its own token");
            Entry entry = backend.readEntry("vpc");
            assertEquals(written, entry.version());
            assertEquals(expiresAt, entry.expiresAt());
            lost.add(() -> { });
            backend.write("vpc", JdbcExpiryRowsContract.doc("three"), expiresAt.plusSeconds(1));
            assertEquals(expiresAt.plusSeconds(1), backend.readEntry("vpc").expiresAt());
            lost.add(() -> { });
            String created = backend.writeIf("new", JdbcExpiryRowsContract.doc("new"), null, expiresAt);
            assertEquals(created, backend.readEntry("new").version());
            assertEquals(Map.of("vpc", expiresAt.plusSeconds(1), "new", expiresAt), backend.expiries());
        }
    }

    @Test
    void withoutALostAnswerAFailedConditionIsAConflict() {
        Version v = other.create("vpc", state("vpc", 1));
        other.set("vpc", state("vpc", 2));
        assertThrows(ConflictException.class, () -> store.setIf("vpc", state("vpc", 3), v));
    }

    private static State state(String id, long seq) {
        return ContractFixture.state(id).toBuilder().seq(seq).build();
    }

    /** A data source whose statements' {@code executeUpdate} runs, then loses its answer while {@link #lost} says. */
    private DataSource losingAnswers(DataSource real) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (p, m, a) -> {
                    Object result = call(real, m, a);
                    return result instanceof Connection c ? connection(c) : result;
                });
    }

    private Connection connection(Connection real) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (p, m, a) -> {
                    Object result = call(real, m, a);
                    return result instanceof PreparedStatement s ? statement(s) : result;
                });
    }

    private PreparedStatement statement(PreparedStatement real) {
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (p, m, a) -> {
                    Object result = call(real, m, a);
                    if (m.getName().equals("executeUpdate")) {
                        writes.incrementAndGet();
                        Runnable then = lost.poll();
                        if (then != null) {
                            then.run();
                            throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
                        }
                    }
                    return result;
                });
    }

    private static Object call(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
