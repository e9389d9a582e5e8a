package io.github.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.Scope;
import io.github.statestore.spi.Document;
import io.github.statestore.spi.Entry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where a JDBC backend keeps a document's expiry: in the row's version token, so the {@code document} column
 * holds exactly the document and the table keeps its layout; every read reports it, a plain write clears it,
 * and {@link JdbcBackend#expiries()} is one query. Run on SQLite and on PostgreSQL by its subclasses.
 */
abstract class JdbcExpiryRowsContract {
    static final Scope SCOPE = Scope.of("app", "dev");
    static final Instant SOON = Instant.parse("2031-05-06T07:08:09.123Z");
    static final Instant LATER = Instant.parse("2032-01-02T03:04:05.678Z");

    /** Every statement the backend prepared, through the counting data source. */
    final List<String> statements = Collections.synchronizedList(new ArrayList<>());
    JdbcBackend backend;
    private String table;

    /** {@return the database's data source, which the test wraps to count statements} */
    abstract DataSource dataSource();

    /** {@return a table no other test of this JVM uses} */
    abstract String newTable();

    @BeforeEach
    void open() {
        table = newTable();
        JdbcConfig config = JdbcConfig.builder().dataSource(counting(dataSource())).table(table).build();
        backend = config.backend(SCOPE);
        backend.init();
    }

    @AfterEach
    void close() {
        backend.close();
    }

    @Test
    void theDocumentColumnHoldsExactlyTheDocument() throws SQLException {
        byte[] doc = doc("vpc");
        backend.write("vpc", doc, SOON);
        assertArrayEquals(doc, column("vpc", "document"));
        assertEquals(1, rows(), "the expiry adds no row");
    }

    @Test
    void everyReadReportsTheExpiryToTheMillisecond() {
        backend.write("a", doc("a"), SOON.plusNanos(456_789));
        String version = backend.writeIf("b", doc("b"), null, LATER);

        Entry a = backend.readEntry("a");
        assertEquals(SOON, a.expiresAt());
        assertArrayEquals(doc("a"), a.bytes());
        assertEquals(LATER, backend.readEntry("b").expiresAt());
        assertEquals(version, backend.readEntry("b").version());
        Document document = backend.readDocument("b");
        assertEquals(LATER, document.expiresAt());
        assertArrayEquals(doc("b"), document.bytes());
        List<Document> batch = backend.readDocuments(List.of("b", "absent", "a"));
        assertEquals(Arrays.asList(LATER, null, SOON), batch.stream().map(d -> d == null ? null : d.expiresAt())
                .toList());
        assertEquals(Map.of("a", a.version(), "b", version), backend.versions());
    }

    @Test
    void aConditionalWriteWithAnExpiryChecksTheVersionAsAPlainOneDoes() {
        String first = backend.writeIf("vpc", doc("one"), null);
        String second = backend.writeIf("vpc", doc("two"), first, SOON);
        assertEquals(SOON, backend.readEntry("vpc").expiresAt());
        String third = backend.writeIf("vpc", doc("three"), second, LATER);
        assertEquals(third, backend.readEntry("vpc").version());
        assertEquals(LATER, backend.readEntry("vpc").expiresAt());
        assertArrayEquals(doc("three"), backend.readEntry("vpc").bytes());
    }

    @Test
    void aPlainWriteLeavesADocumentThatDoesNotExpire() {
        backend.write("set", doc("1"), SOON);
        backend.write("set", doc("2"));
        String v = backend.writeIf("setIf", doc("1"), null, SOON);
        backend.writeIf("setIf", doc("2"), v);
        backend.write("twice", doc("1"), SOON);
        backend.write("twice", doc("2"), null);

        for (String key : List.of("set", "setIf", "twice")) {
            assertNull(backend.readEntry(key).expiresAt(), key);
            assertNull(backend.readDocument(key).expiresAt(), key);
            assertArrayEquals(doc("2"), backend.readEntry(key).bytes(), key);
        }
        assertEquals(Map.of(), backend.expiries());
    }

    @Test
    void expiriesListsExactlyTheExpiringDocumentsInOneQuery() {
        backend.write("soon", doc("soon"), SOON);
        backend.writeIf("later", doc("later"), null, LATER);
        backend.write("plain", doc("plain"));
        backend.write("cleared", doc("cleared"), SOON);
        backend.write("cleared", doc("cleared"));
        backend.write("deleted", doc("deleted"), SOON);
        backend.delete("deleted");
        backend.writeLockIf("soon", doc("lock"), null);
        backend.writeHistory("soon", "1.2.3.e4", doc("history"));
        JdbcBackend nested = JdbcConfig.builder().dataSource(dataSource()).table(table).build()
                .backend(Scope.of("app", "dev", "nested"));
        try (nested) {
            nested.write("nested", doc("nested"), SOON);
        }
        statements.clear();

        assertEquals(Map.of("soon", SOON, "later", LATER), backend.expiries());
        assertEquals(1, statements.size(), statements.toString());
        assertTrue(statements.get(0).startsWith("SELECT name, version FROM "), statements.get(0));
    }

    @Test
    void getBatchWithExpiriesStillReadsFiveHundredKeysPerQuery() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            keys.add("k" + i);
            backend.write("k" + i, doc("k" + i), i % 2 == 0 ? SOON : null);
        }
        statements.clear();
        for (int from = 0; from < keys.size(); from += backend.readBatchSize()) {
            List<Document> batch = backend.readDocuments(keys.subList(from, Math.min(keys.size(),
                    from + backend.readBatchSize())));
            for (int i = 0; i < batch.size(); i++) {
                assertEquals((from + i) % 2 == 0 ? SOON : null, batch.get(i).expiresAt(), keys.get(from + i));
            }
        }
        assertEquals(3, statements.size(), statements.toString());
    }

    @Test
    void lockEntriesNeverCarryAnExpiry() {
        backend.writeLockIf("deploy", doc("lock"), null);
        Entry lock = backend.readLock("deploy");
        assertNull(lock.expiresAt());
        assertNull(VersionTokens.expiresAt(lock.version()));
    }

    static byte[] doc(String id) {
        return ("{\n  \"id\" : \"" + id + "\"\n}").getBytes(StandardCharsets.UTF_8);
    }

    /** {@return one column of a key's document row, read past the backend} */
    private byte[] column(String key, String column) throws SQLException {
        try (Connection c = dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM " + table
                        + " WHERE scope = ? AND kind = 'd' AND name = ?")) {
            s.setString(1, SCOPE.toString());
            s.setString(2, key);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), key);
                return r.getBytes(1);
            }
        }
    }

    private int rows() throws SQLException {
        try (Connection c = dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }

    /** A data source whose connections record each statement they prepare in {@link #statements}. */
    private DataSource counting(DataSource real) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (p, m, a) -> {
                    Object result = call(real, m, a);
                    if (!(result instanceof Connection connection)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                            (c, cm, ca) -> {
                                if (cm.getName().equals("prepareStatement")) {
                                    statements.add((String) ca[0]);
                                }
                                return call(connection, cm, ca);
                            });
                });
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
