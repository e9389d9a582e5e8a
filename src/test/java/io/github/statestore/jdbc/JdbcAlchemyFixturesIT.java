package io.github.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.statestore.Scope;
import io.github.statestore.ScopeCopy;
import io.github.statestore.StateStore;
import io.github.statestore.StoreArchive;
import io.github.statestore.StoreConfig;
import io.github.statestore.contract.AlchemyFixture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Alchemy 0.94's own state tree (test resource {@code alchemy-0.94/fs/.alchemy}, see its README) copied into
 * the JDBC store, on a SQLite file and on PostgreSQL, by {@link ScopeCopy} and by a {@link StoreArchive}
 * export and import: the document column holds each document byte for byte as Alchemy wrote it, the store
 * reads Alchemy's values, a document written back through the store keeps its bytes, and the tree copied out
 * again to a FileSystem store is the original, byte for byte.
 */
class JdbcAlchemyFixturesIT {
    private static final Scope APP = Scope.of("myapp");
    /** Each of Alchemy's files, relative to its tree, and the key it holds. */
    private static final Map<String, String> KEYS = Map.of("myapp/dev/api:database:connection.json",
            "api/database/connection", "myapp/dev/bytes.json", "bytes", "myapp/dev/my-res.json", "my-res",
            "myapp/dev/nested-scope/child.json", "child", "myapp/dev/with-secret.json", "with-secret",
            "myapp/prod/my-res.json", "my-res");
    private static final AtomicInteger TABLES = new AtomicInteger();

    @TempDir
    Path dir;
    private Path original;
    private final List<StateStore> stores = new ArrayList<>();

    /** The two databases, each giving a JDBC URL and a table no other test uses. */
    enum Target {
        SQLITE {
            @Override
            String url(Path dir) {
                return "jdbc:sqlite:" + dir.resolve("state.db");
            }
        },
        POSTGRESQL {
            @Override
            String url(Path dir) {
                return PostgresServer.url();
            }
        };

        abstract String url(Path dir);

        JdbcConfig config(Path dir) {
            return JdbcConfig.builder().url(url(dir)).table("alchemy_" + ProcessHandle.current().pid() + "_"
                    + TABLES.incrementAndGet()).build();
        }
    }

    @BeforeEach
    void copyFixtures() throws Exception {
        original = dir.resolve("original");
        AlchemyFixture.copyFsTree(original);
    }

    @AfterEach
    void closeStores() {
        stores.forEach(StateStore::close);
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void copiedInWithScopeCopyAndOutAgainTheDocumentsAreAlchemysBytes(Target target) throws Exception {
        JdbcConfig jdbc = target.config(dir);
        ScopeCopy.Report in = ScopeCopy.from(StoreConfig.fileSystem(original)).to(jdbc).tree(APP).verify(true).run();
        assertEquals(6, in.copied());
        assertEquals(6, in.verified());
        assertEquals(List.of(), in.refused());
        assertStoredAsAlchemyWrote(target, jdbc);
        AlchemyFixture.assertEachScopeListsItsOwnKeys(scope -> open(jdbc, scope));
        AlchemyFixture.assertValuesAreAlchemys(scope -> open(jdbc, scope));

        Path back = dir.resolve("back");
        ScopeCopy.Report out = ScopeCopy.from(jdbc).to(StoreConfig.fileSystem(back)).tree(APP).verify(true).run();
        assertEquals(List.of(APP, AlchemyFixture.DEV, AlchemyFixture.NESTED, AlchemyFixture.PROD), out.scopes());
        assertEquals(6, out.copied());
        for (String file : KEYS.keySet()) {
            assertArrayEquals(Files.readAllBytes(original.resolve(file)), Files.readAllBytes(back.resolve(file)), file);
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void importedFromAnArchiveTheDocumentsAreAlchemysBytesAndExportTheSameArchive(Target target) throws Exception {
        JdbcConfig jdbc = target.config(dir);
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        assertEquals(6, StoreArchive.export(StoreConfig.fileSystem(original), APP, archive).copied());
        ScopeCopy.Report imported = StoreArchive.importInto(jdbc, new ByteArrayInputStream(archive.toByteArray()),
                false);
        assertEquals(6, imported.copied());
        assertEquals(List.of(), imported.refused());
        assertStoredAsAlchemyWrote(target, jdbc);

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertEquals(6, StoreArchive.export(jdbc, APP, again).copied());
        assertArrayEquals(archive.toByteArray(), again.toByteArray(), "the archive exported from the database");
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void everyDocumentWrittenBackThroughTheStoreKeepsAlchemysBytes(Target target) throws Exception {
        JdbcConfig jdbc = target.config(dir);
        ScopeCopy.from(StoreConfig.fileSystem(original)).to(jdbc).tree(APP).run();
        for (Map.Entry<String, String> file : KEYS.entrySet()) {
            StateStore store = open(jdbc, scopeOf(file.getKey()));
            store.set(file.getValue(), store.get(file.getValue()).orElseThrow());
        }
        assertStoredAsAlchemyWrote(target, jdbc);
    }

    private StateStore open(JdbcConfig config, Scope scope) {
        StateStore store = config.open(scope);
        stores.add(store);
        return store;
    }

    /** The document column, read with plain JDBC, holds each of Alchemy's files byte for byte, and nothing else. */
    private void assertStoredAsAlchemyWrote(Target target, JdbcConfig jdbc) throws IOException, SQLException {
        Map<String, byte[]> expected = new TreeMap<>();
        for (Map.Entry<String, String> file : KEYS.entrySet()) {
            expected.put(scopeOf(file.getKey()) + " " + file.getValue(), Files.readAllBytes(original.resolve(
                    file.getKey())));
        }
        Map<String, byte[]> stored = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(target.url(dir)); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT scope, name, document FROM " + jdbc.table()
                        + " WHERE kind = 'd'")) {
            while (r.next()) {
                stored.put(r.getString(1) + " " + r.getString(2), r.getBytes(3));
            }
        }
        assertEquals(expected.keySet(), stored.keySet());
        expected.forEach((entry, bytes) -> assertArrayEquals(bytes, stored.get(entry), entry));
    }

    /** {@return the scope of a fixture file: its directories} */
    private static Scope scopeOf(String file) {
        return Scope.of(List.of(Path.of(file).getParent().toString().split("/")));
    }
}
