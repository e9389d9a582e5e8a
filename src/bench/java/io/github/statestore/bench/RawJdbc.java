package io.github.statestore.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw JDBC baselines: on one open connection in autocommit mode, the very statements our JDBC store
 * sends (the same SQL text, copied from {@code JdbcBackend}, prepared per call as it prepares them), with
 * Jackson's tree model to parse what they read and to write what they store. Stateless and thread-safe; a
 * connection is used by one thread at a time.
 */
final class RawJdbc {
    /** Keys per {@code IN (…)} query, as our store reads them. */
    static final int BATCH = 500;
    private static final String TABLE = SqlEnv.TABLE;
    private static final String SELECT = "SELECT document, version FROM " + TABLE
            + " WHERE scope = ? AND kind = ? AND name = ?";
    private static final String NAMES = "SELECT name FROM " + TABLE + " WHERE scope = ? AND kind = ?";
    private static final String UPSERT = "INSERT INTO " + TABLE + " (scope, kind, name, document, version)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (scope, kind, name) DO UPDATE SET document = excluded.document,"
            + " version = excluded.version, updated_at = CURRENT_TIMESTAMP";
    private static final String DOCUMENT = "d";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Jackson's pretty printer made to write as {@code JSON.stringify(v, null, 2)} does, as our store writes. */
    private static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE));

    private RawJdbc() {
    }

    /** One document's bytes, or {@code null}: our store's single-row {@code SELECT}. */
    static byte[] get(Connection c, io.github.statestore.Scope scope, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT)) {
            s.setString(1, scope.toString());
            s.setString(2, DOCUMENT);
            s.setString(3, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getBytes(1) : null;
            }
        }
    }

    /** Our store's upsert of one document, with {@code version} as its version token. */
    static void set(Connection c, io.github.statestore.Scope scope, String key, byte[] document, String version)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPSERT)) {
            s.setString(1, scope.toString());
            s.setString(2, DOCUMENT);
            s.setString(3, key);
            s.setBytes(4, document);
            s.setString(5, version);
            s.executeUpdate();
        }
    }

    /** Every key of a scope, in the database's order: our store's listing query. */
    static List<String> names(Connection c, io.github.statestore.Scope scope) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(NAMES)) {
            s.setString(1, scope.toString());
            s.setString(2, DOCUMENT);
            List<String> names = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
            return names;
        }
    }

    /**
     * The documents of {@code keys}, parsed, by key: one {@code IN (…)} query per {@value #BATCH} keys, one
     * after another, as our store reads them.
     */
    static Map<String, JsonNode> getBatch(Connection c, io.github.statestore.Scope scope, List<String> keys)
            throws SQLException {
        Map<String, JsonNode> documents = new HashMap<>();
        for (int from = 0; from < keys.size(); from += BATCH) {
            List<String> batch = keys.subList(from, Math.min(keys.size(), from + BATCH));
            try (PreparedStatement s = c.prepareStatement(selectIn(batch.size()))) {
                s.setString(1, scope.toString());
                for (int i = 0; i < batch.size(); i++) {
                    s.setString(i + 2, batch.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        documents.put(r.getString(1), parse(r.getBytes(2)));
                    }
                }
            }
        }
        return documents;
    }

    /** Every document of a scope, parsed: the listing query, then {@link #getBatch}. */
    static Map<String, JsonNode> all(Connection c, io.github.statestore.Scope scope) throws SQLException {
        return getBatch(c, scope, names(c, scope));
    }

    /**
     * Brings the table to the same state before each write benchmark: PostgreSQL's dead row versions, which a
     * fork's hundreds of thousands of updates of one row leave, vacuumed; SQLite's write-ahead log checkpointed
     * and emptied. Without it, each fork wrote into what the forks before it left, and the last was slower.
     */
    static void compact(Connection c) throws SQLException {
        boolean sqlite = c.getMetaData().getDatabaseProductName().equalsIgnoreCase("SQLite");
        try (Statement s = c.createStatement()) {
            s.execute(sqlite ? "PRAGMA wal_checkpoint(TRUNCATE)" : "VACUUM " + TABLE);
        }
    }

    /** Our store's query for the documents of {@code count} keys of a scope. */
    static String selectIn(int count) {
        return "SELECT name, document FROM " + TABLE + " WHERE scope = ? AND kind = '" + DOCUMENT
                + "' AND name IN (" + "?" + ", ?".repeat(count - 1) + ")";
    }

    /** Parses a document into Jackson's tree model. */
    static JsonNode parse(byte[] document) {
        return RawS3.parse(document);
    }

    /** Writes a document as our store writes it: pretty-printed with a two-space indent, UTF-8. */
    static byte[] write(JsonNode document) {
        try {
            return PRETTY.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
