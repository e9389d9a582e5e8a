package io.github.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.contract.ContractFixture;
import io.github.statestore.observation.StoreObservation;
import io.github.statestore.s3.CapturedLogs;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** A busy SQLite database is retried: logged at WARN, counted by an observed store, and the write lands once. */
class JdbcRetryTest {
    private static final Scope SCOPE = Scope.of("app", "dev");

    @TempDir
    Path dir;

    @Test
    void aBusyDatabaseIsRetriedLoggedAndCounted() {
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + dir.resolve("state.db"));
        AtomicInteger writes = new AtomicInteger();
        MeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        JdbcConfig config = JdbcConfig.builder().dataSource(busyOnce(sqlite, writes)).build();
        try (CapturedLogs logs = new CapturedLogs(Level.INFO);
                StateStore store = StoreObservation.observe(config, registry).open(SCOPE)) {
            store.set("vpc", ContractFixture.state("vpc"));
            assertEquals(List.of("vpc"), store.list());

            List<String> retries = logs.messages("WARN io.github.statestore.jdbc.Database");
            assertEquals(1, retries.size(), logs.lines().toString());
            assertTrue(retries.get(0).startsWith("Retrying set at statestore_entries in DataSource "), retries.get(0));
            assertTrue(retries.get(0).contains("scope app/dev, key vpc after attempt 1 of 6 failed (SQLException: "
                    + "[SQLITE_BUSY] the database is locked)"), retries.get(0));
            List<String> created = logs.messages("INFO io.github.statestore.jdbc.Database");
            assertEquals(1, created.size(), logs.lines().toString());
            assertTrue(created.get(0).startsWith("Created the tables statestore_entries and "
                    + "statestore_entries_schema (layout version 1) in DataSource "), created.get(0));
        }
        assertEquals(2, writes.get(), "the busy write, then its retry");
        assertEquals(1.0, meters.get("statestore.operation.retry").tags("operation", "set").counter().count());
        assertFalse(meters.find("statestore.operation.retry").tags("operation", "list").counters().stream()
                .anyMatch(c -> c.count() > 0));
    }

    /** A data source whose first write of a document fails as SQLite fails a write it cannot lock. */
    private static DataSource busyOnce(DataSource real, AtomicInteger writes) {
        return (DataSource) Proxy.newProxyInstance(JdbcRetryTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (p, m, a) -> {
                    Object result = call(real, m, a);
                    if (!(result instanceof Connection connection)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(JdbcRetryTest.class.getClassLoader(),
                            new Class<?>[] {Connection.class}, (c, cm, ca) -> {
                                Object made = call(connection, cm, ca);
                                if (made instanceof PreparedStatement statement
                                        && String.valueOf(ca[0]).startsWith("INSERT INTO statestore_entries ")) {
                                    return failingOnce(statement, writes);
                                }
                                return made;
                            });
                });
    }

    private static PreparedStatement failingOnce(PreparedStatement real, AtomicInteger writes) {
        return (PreparedStatement) Proxy.newProxyInstance(JdbcRetryTest.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (p, m, a) -> {
                    if (m.getName().equals("executeUpdate") && writes.getAndIncrement() == 0) {
                        throw new SQLException("[SQLITE_BUSY] the database is locked", null, 5);
                    }
                    return call(real, m, a);
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
