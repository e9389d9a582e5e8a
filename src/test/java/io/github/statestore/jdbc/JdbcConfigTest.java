package io.github.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.InvalidConfigException;
import io.github.statestore.StoreConfig;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What docs/jdbc.md says of the config's settings, and of {@code jdbc:} store URLs. */
class JdbcConfigTest {
    private static final String SECRET = "pw-Zq7rX4-never-printed";

    @Test
    void defaults() {
        JdbcConfig c = JdbcConfig.builder().url("jdbc:sqlite:state.db").build();
        assertEquals(Optional.of("jdbc:sqlite:state.db"), c.url());
        assertEquals(JdbcConfig.DEFAULT_TABLE, c.table());
        assertEquals("statestore_entries", c.table());
        assertEquals(Optional.empty(), c.schema());
        assertTrue(c.createTables());
        assertEquals(10, c.maxConnections());
        assertFalse(c.hasDatabasePassword());
        assertFalse(c.hasPassword());
    }

    @Test
    void aUrlOfAnotherDatabaseIsRefusedNamingTheSupportedOnes() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> JdbcConfig.builder().url("jdbc:mysql://db/state"));
        assertEquals("url", e.getSetting());
        assertTrue(e.getMessage().contains("jdbc:postgresql://host/database or jdbc:sqlite:"), e.getMessage());
    }

    @Test
    void anInMemorySqliteDatabaseIsRefusedBecauseEachConnectionHasItsOwn() {
        for (String url : new String[] {"jdbc:sqlite::memory:", "jdbc:sqlite:", "jdbc:sqlite:file:x?mode=memory"}) {
            InvalidConfigException e = assertThrows(InvalidConfigException.class,
                    () -> JdbcConfig.builder().url(url), url);
            assertTrue(e.getMessage().contains("in-memory SQLite database"), e.getMessage());
        }
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutShowingIt() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> JdbcConfig.builder().url("jdbc:postgresql://db/state?user=app&password=" + SECRET));
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertTrue(e.getMessage().contains("databasePassword"), e.getMessage());
    }

    @Test
    void exactlyOneOfUrlAndDataSource() {
        assertEquals("url", assertThrows(InvalidConfigException.class, () -> JdbcConfig.builder().build())
                .getSetting());
        InvalidConfigException both = assertThrows(InvalidConfigException.class, () -> JdbcConfig.builder()
                .url("jdbc:sqlite:a.db").dataSource(new org.sqlite.SQLiteDataSource()).build());
        assertTrue(both.getMessage().contains("not both"), both.getMessage());
        InvalidConfigException pool = assertThrows(InvalidConfigException.class, () -> JdbcConfig.builder()
                .dataSource(new org.sqlite.SQLiteDataSource()).maxConnections(4).build());
        assertEquals("dataSource", pool.getSetting());
    }

    @Test
    void tableAndSchemaMustBePlainIdentifiers() {
        for (String bad : new String[] {"", "1st", "state entries", "x;drop table y", "a".repeat(57)}) {
            InvalidConfigException e = assertThrows(InvalidConfigException.class,
                    () -> JdbcConfig.builder().table(bad), bad);
            assertEquals("table", e.getSetting());
        }
        assertEquals("schema", assertThrows(InvalidConfigException.class,
                () -> JdbcConfig.builder().schema("my-schema")).getSetting());
        assertEquals("schema", assertThrows(InvalidConfigException.class,
                () -> JdbcConfig.builder().url("jdbc:sqlite:a.db").schema("s").build()).getSetting());
        assertEquals("a".repeat(56), JdbcConfig.builder().url("jdbc:sqlite:a.db").table("a".repeat(56)).build()
                .table());
    }

    @Test
    void maxConnectionsIsBounded() {
        assertThrows(InvalidConfigException.class, () -> JdbcConfig.builder().maxConnections(0));
        assertThrows(InvalidConfigException.class, () -> JdbcConfig.builder().maxConnections(1_001));
    }

    @Test
    void toStringNeverShowsAPassword() {
        JdbcConfig c = JdbcConfig.builder().url("jdbc:postgresql://db/state").user("app").databasePassword(SECRET)
                .password(SECRET).build();
        assertFalse(c.toString().contains(SECRET), c.toString());
        assertTrue(c.toString().contains("databasePassword=set"), c.toString());
        assertTrue(c.hasDatabasePassword());
    }

    @Test
    void configsWithTheSameSettingsAreEqual() {
        assertEquals(StoreConfig.parse("jdbc:sqlite:a.db?table=t"),
                JdbcConfig.builder().url("jdbc:sqlite:a.db").table("t").build());
        assertNotEquals(StoreConfig.parse("jdbc:sqlite:a.db"), StoreConfig.parse("jdbc:sqlite:b.db"));
    }

    @Test
    void aStoreUrlGivesTheStoresParametersToTheConfigAndTheRestToTheDriver() {
        JdbcConfig c = (JdbcConfig) StoreConfig.parse("jdbc:postgresql://db:5432/platform?user=app&table=app_state"
                + "&ssl=true&createTables=false&maxConnections=4&schema=ops");
        assertEquals(Optional.of("jdbc:postgresql://db:5432/platform?user=app&ssl=true"), c.url());
        assertEquals("app_state", c.table());
        assertEquals(Optional.of("ops"), c.schema());
        assertFalse(c.createTables());
        assertEquals(4, c.maxConnections());
        JdbcConfig sqlite = (JdbcConfig) StoreConfig.parse("jdbc:sqlite:state.db?table=t");
        assertEquals(Optional.of("jdbc:sqlite:state.db"), sqlite.url());
    }

    @Test
    void aStoreUrlsDatabasePasswordComesFromTheEnvironment() {
        JdbcConfig c = (JdbcConfig) StoreConfig.fromEnv(Map.of("STATESTORE_URL", "jdbc:postgresql://db/platform",
                JdbcProvider.PASSWORD_VARIABLE, SECRET));
        assertTrue(c.hasDatabasePassword());
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> StoreConfig.parse("jdbc:postgresql://db/platform?password=" + SECRET));
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void aStoreUrlsBadParameterIsNamed() {
        InvalidConfigException table = assertThrows(InvalidConfigException.class,
                () -> StoreConfig.parse("jdbc:sqlite:a.db?table=no-dashes"));
        assertEquals("table in url", table.getSetting());
        InvalidConfigException flag = assertThrows(InvalidConfigException.class,
                () -> StoreConfig.parse("jdbc:sqlite:a.db?createTables=yes"));
        assertTrue(flag.getMessage().contains("must be true or false, was yes"), flag.getMessage());
        InvalidConfigException count = assertThrows(InvalidConfigException.class,
                () -> StoreConfig.parse("jdbc:sqlite:a.db?maxConnections=many"));
        assertTrue(count.getMessage().contains("must be a whole number, was many"), count.getMessage());
        InvalidConfigException hierarchical = assertThrows(InvalidConfigException.class,
                () -> StoreConfig.parse("jdbc://db/platform"));
        assertTrue(hierarchical.getMessage().contains("jdbc:postgresql://host/database"), hierarchical.getMessage());
    }
}
