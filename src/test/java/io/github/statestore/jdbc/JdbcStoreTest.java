package io.github.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.InvalidConfigException;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StateStoreException;
import io.github.statestore.contract.ContractFixture;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The JDBC store's own behaviour beyond the kit, on SQLite files: tables, drivers, data sources, queries. */
class JdbcStoreTest {
    private static final Scope SCOPE = Scope.of("app", "dev");

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:sqlite:" + dir.resolve("state.db");
    }

    @Test
    void withoutCreateTablesAMissingTableSaysHowToCreateIt() {
        JdbcConfig config = JdbcConfig.builder().url(url()).createTables(false).build();
        try (StateStore store = config.open(SCOPE)) {
            StateStoreException e = assertThrows(StateStoreException.class, () -> store.get("vpc"));
            assertTrue(e.getMessage().contains("the table statestore_entries or statestore_entries_schema does "
                    + "not exist"), e.getMessage());
            assertTrue(e.getMessage().contains("StateStore.init()"), e.getMessage());
            store.init();
            store.set("vpc", ContractFixture.state("vpc"));
            assertEquals("vpc", store.get("vpc").orElseThrow().id());
        }
    }

    @Test
    void tablesOfANewerLayoutAreRefusedNamingBothVersions() throws SQLException {
        try (StateStore store = JdbcConfig.builder().url(url()).build().open(SCOPE)) {
            store.init();
        }
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE statestore_entries_schema SET version = 2");
        }
        try (StateStore store = JdbcConfig.builder().url(url()).build().open(SCOPE)) {
            StateStoreException e = assertThrows(StateStoreException.class, () -> store.list());
            assertTrue(e.getMessage().contains("have layout version 2, newer than this release's 1"),
                    e.getMessage());
        }
    }

    @Test
    void aMissingDriverNamesTheMavenDependencyToAdd() throws SQLException {
        Driver postgres = DriverManager.getDriver("jdbc:postgresql://db/state");
        DriverManager.deregisterDriver(postgres);
        try {
            JdbcConfig config = JdbcConfig.builder().url("jdbc:postgresql://db/state").build();
            InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> config.open(SCOPE));
            assertEquals("url", e.getSetting());
            assertTrue(e.getMessage().contains("no JDBC driver on the classpath reads jdbc:postgresql://db/state; "
                    + "add the Maven dependency org.postgresql:postgresql"), e.getMessage());
        } finally {
            DriverManager.registerDriver(postgres);
        }
    }

    @Test
    void aDataSourceIsUsedAndItsDatabaseRecognised() {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl(url());
        try (StateStore store = JdbcConfig.builder().dataSource(dataSource).build().open(SCOPE)) {
            store.set("vpc", ContractFixture.state("vpc"));
        }
        try (StateStore store = JdbcConfig.builder().url(url()).build().open(SCOPE)) {
            assertEquals(List.of("vpc"), store.list());
        }
    }

    @Test
    void aDataSourceOfAnotherDatabaseIsRefusedNamingIt() {
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl(url());
        DataSource mysql = dataSource(sqlite, (connection, method, args) -> {
            if (method.getName().equals("getMetaData")) {
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DatabaseMetaData.class},
                        (p, m, a) -> m.getName().equals("getDatabaseProductName") ? "MySQL" : null);
            }
            return method.invoke(connection, args);
        });
        try (StateStore store = JdbcConfig.builder().dataSource(mysql).build().open(SCOPE)) {
            InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> store.get("vpc"));
            assertTrue(e.getMessage().contains("connects to MySQL; the JDBC store supports PostgreSQL and SQLite"),
                    e.getMessage());
        }
    }

    @Test
    void getBatchAndAllReadFiveHundredKeysPerQuery() {
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl(url());
        List<String> statements = Collections.synchronizedList(new ArrayList<>());
        DataSource counting = dataSource(sqlite, (connection, method, args) -> {
            if (method.getName().equals("prepareStatement")) {
                statements.add((String) args[0]);
            }
            return method.invoke(connection, args);
        });
        List<String> keys = IntStream.range(0, 1_200).mapToObj(i -> "k" + i).toList();
        try (StateStore store = JdbcConfig.builder().dataSource(counting).build().open(SCOPE)) {
            keys.forEach(k -> store.set(k, ContractFixture.state(k)));
            statements.clear();
            assertEquals(1_200, store.getBatch(keys).size());
            assertEquals(3, statements.size(), statements.toString());
            statements.clear();
            assertEquals(1_200, store.all().size());
            assertEquals(4, statements.size(), "the keys, 3 batches (their versions carry the expiries): "
                    + statements);
            assertTrue(statements.stream().noneMatch(q -> q.endsWith(" AND version LIKE ?")), statements.toString());
            statements.clear();
            assertEquals(1_200, store.count());
            assertEquals(2, statements.size(), "the keys, the expiring entries: " + statements);
            assertTrue(statements.get(1).endsWith(" AND version LIKE ?"), statements.get(1));
        }
    }

    /** A data source whose connections pass every call through {@code handler}. */
    private static DataSource dataSource(DataSource real, InvocationHandler handler) {
        return (DataSource) Proxy.newProxyInstance(JdbcStoreTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (p, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (!(result instanceof Connection connection)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(JdbcStoreTest.class.getClassLoader(),
                            new Class<?>[] {Connection.class}, (c, m, a) -> {
                                try {
                                    return handler.invoke(connection, m, a);
                                } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
