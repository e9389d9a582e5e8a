package io.github.statestore.jdbc;

import io.github.statestore.OutcomeUnknownException;
import io.github.statestore.Scope;
import io.github.statestore.StoreUnavailableException;
import io.github.statestore.spi.Backend;
import io.github.statestore.spi.Conflicts;
import io.github.statestore.spi.Document;
import io.github.statestore.spi.Entry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One scope's rows of a JDBC store's table: a row per document ({@code kind 'd'}), per lock entry
 * ({@code kind 'l'}) and per history entry ({@code kind 'h:<key>'}, its name the entry's), keyed by (scope,
 * kind, name). Every call is one autocommit statement; a conditional
 * write is an {@code UPDATE … WHERE version = ?} or an {@code INSERT … ON CONFLICT DO NOTHING}, atomic in the
 * database. Each write stores a new random version token, which is also how a retry after a lost answer
 * recognises its own earlier attempt, and which carries the document's expiry ({@link VersionTokens}), so that
 * the expiry changes with the document in the same statement. Thread-safe.
 */
final class JdbcBackend implements Backend {
    static final String DOCUMENT = "d";
    static final String LOCK = "l";
    /** What the kind of a key's history rows starts with; the key follows, so that one index range is one key's. */
    static final String HISTORY = "h:";
    /** Keys per {@code IN (…)} query: well below PostgreSQL's 32,767 and SQLite's 32,766 parameters. */
    static final int BATCH = 500;

    private final Database db;
    private final Statements sql;
    private final String scope;
    private final AtomicBoolean closed = new AtomicBoolean();

    JdbcBackend(Database db, Scope scope) {
        this.db = db;
        this.sql = new Statements(db.names());
        this.scope = scope.toString();
    }

    @Override
    public void init() {
        db.createTables(call("init", null, db.names().entries()));
    }

    @Override
    public List<String> keys() {
        return names(DOCUMENT, "list");
    }

    @Override
    public List<String> lockNames() {
        return names(LOCK, "locks");
    }

    private List<String> names(String kind, String operation) {
        return db.run(call(operation, null, scope()), c -> {
            try (PreparedStatement s = c.prepareStatement(sql.names)) {
                s.setString(1, scope);
                s.setString(2, kind);
                List<String> names = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        names.add(r.getString(1));
                    }
                }
                return names;
            }
        });
    }

    /** One query of the scope's names and versions; no document is read. */
    @Override
    public Map<String, String> versions() {
        return db.run(call("watch", null, scope()), c -> {
            try (PreparedStatement s = c.prepareStatement(sql.versions)) {
                s.setString(1, scope);
                Map<String, String> versions = new HashMap<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        versions.put(r.getString(1), r.getString(2));
                    }
                }
                return versions;
            }
        });
    }

    @Override
    public Entry readEntry(String key) {
        Entry entry = read(DOCUMENT, key, "get", locate(key));
        return entry == null ? null
                : new Entry(entry.bytes(), entry.version(), VersionTokens.expiresAt(entry.version()));
    }

    @Override
    public Document readDocument(String key) {
        Entry entry = read(DOCUMENT, key, "get", locate(key));
        return entry == null ? null : new Document(entry.bytes(), VersionTokens.expiresAt(entry.version()));
    }

    @Override
    public Entry readLock(String name) {
        return read(LOCK, name, "lock", locateLock(name));
    }

    private Entry read(String kind, String name, String operation, String location) {
        return db.run(call(operation, name, location), c -> {
            try (PreparedStatement s = c.prepareStatement(sql.select)) {
                bindRow(s, 1, kind, name);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? new Entry(r.getBytes(1), r.getString(2)) : null;
                }
            }
        });
    }

    @Override
    public int readBatchSize() {
        return BATCH;
    }

    @Override
    public List<byte[]> readBatch(List<String> keys) {
        List<byte[]> documents = new ArrayList<>(keys.size());
        readDocuments(keys).forEach(document -> documents.add(document == null ? null : document.bytes()));
        return documents;
    }

    /** One {@code IN (…)} query of the documents and their versions, which carry their expiries. */
    @Override
    public List<Document> readDocuments(List<String> keys) {
        Map<String, Document> found = db.run(call("getBatch", null, scope()), c -> {
            try (PreparedStatement s = c.prepareStatement(sql.selectIn(keys.size()))) {
                s.setString(1, scope);
                for (int i = 0; i < keys.size(); i++) {
                    s.setString(i + 2, keys.get(i));
                }
                Map<String, Document> documents = new HashMap<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        documents.put(r.getString(1),
                                new Document(r.getBytes(2), VersionTokens.expiresAt(r.getString(3))));
                    }
                }
                return documents;
            }
        });
        List<Document> documents = new ArrayList<>(keys.size());
        keys.forEach(key -> documents.add(found.get(key)));
        return documents;
    }

    @Override
    public boolean keepsExpiry() {
        return true;
    }

    /** One query of the scope's names and versions whose version carries an expiry; no document is read. */
    @Override
    public Map<String, Instant> expiries() {
        return db.run(call("expiries", null, scope()), c -> {
            try (PreparedStatement s = c.prepareStatement(sql.expiring)) {
                s.setString(1, scope);
                s.setString(2, VersionTokens.WITH_EXPIRY);
                Map<String, Instant> expiries = new HashMap<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Instant expiresAt = VersionTokens.expiresAt(r.getString(2));
                        if (expiresAt != null) {
                            expiries.put(r.getString(1), expiresAt);
                        }
                    }
                }
                return expiries;
            }
        });
    }

    @Override
    public void write(String key, byte[] document) {
        write(key, document, null);
    }

    @Override
    public void write(String key, byte[] document, Instant expiresAt) {
        String version = VersionTokens.next(expiresAt);
        db.run(call("set", key, locate(key)), c -> {
            try (PreparedStatement s = c.prepareStatement(sql.upsert)) {
                bindRow(s, 1, DOCUMENT, key);
                s.setBytes(4, document);
                s.setString(5, version);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public String writeIf(String key, byte[] document, String expected) {
        return writeIf(key, document, expected, null);
    }

    @Override
    public String writeIf(String key, byte[] document, String expected, Instant expiresAt) {
        return writeIf(DOCUMENT, key, document, expected, VersionTokens.next(expiresAt),
                Conflicts.writeOperation(expected), locate(key));
    }

    @Override
    public String writeLockIf(String name, byte[] record, String expected) {
        return writeIf(LOCK, name, record, expected, VersionTokens.next(null), "lock", locateLock(name));
    }

    /** Writes {@code version}, made before the first attempt, so that a retry writes and recognises the same. */
    private String writeIf(String kind, String name, byte[] document, String expected, String version,
            String operation, String location) {
        Database.Call call = call(operation, name, location);
        int rows = conditional(call, c -> {
            if (expected == null) {
                try (PreparedStatement s = c.prepareStatement(sql.insert)) {
                    bindRow(s, 1, kind, name);
                    s.setBytes(4, document);
                    s.setString(5, version);
                    return s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement(sql.updateIf)) {
                s.setBytes(1, document);
                s.setString(2, version);
                bindRow(s, 3, kind, name);
                s.setString(6, expected);
                return s.executeUpdate();
            }
        });
        if (rows == 1) {
            return version;
        }
        String current = currentVersion(kind, name, operation, location);
        if (version.equals(current)) {
            return version;
        }
        if (call.answerLost) {
            throw new OutcomeUnknownException(name, operation, location, "an attempt's answer was lost, and the "
                    + "entry no longer holds what it wrote", null);
        }
        throw Conflicts.of(name, expected, current, operation);
    }

    @Override
    public boolean keepsHistory() {
        return true;
    }

    /** An upsert: each entry's name is new, and a retry after a lost answer writes the same bytes again. */
    @Override
    public void writeHistory(String key, String name, byte[] document) {
        db.run(call("history", key, locate(key)), c -> {
            try (PreparedStatement s = c.prepareStatement(sql.upsert)) {
                bindRow(s, 1, HISTORY + key, name);
                s.setBytes(4, document);
                s.setString(5, name);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public List<String> historyNames(String key) {
        return names(HISTORY + key, "history");
    }

    @Override
    public byte[] readHistory(String key, String name) {
        Entry entry = read(HISTORY + key, name, "history", locate(key));
        return entry == null ? null : entry.bytes();
    }

    @Override
    public void deleteHistory(String key, Collection<String> names) {
        for (String name : names) {
            db.run(call("history", key, locate(key)), c -> {
                try (PreparedStatement s = c.prepareStatement(sql.delete)) {
                    bindRow(s, 1, HISTORY + key, name);
                    return s.executeUpdate();
                }
            });
        }
    }

    @Override
    public void delete(String key) {
        db.run(call("delete", key, locate(key)), c -> {
            try (PreparedStatement s = c.prepareStatement(sql.delete)) {
                bindRow(s, 1, DOCUMENT, key);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public void deleteIf(String key, String expected) {
        String location = locate(key);
        Database.Call call = call("deleteIf", key, location);
        int rows = conditional(call, c -> {
            try (PreparedStatement s = c.prepareStatement(sql.deleteIf)) {
                bindRow(s, 1, DOCUMENT, key);
                s.setString(4, expected);
                return s.executeUpdate();
            }
        });
        if (rows == 1) {
            return;
        }
        if (call.answerLost) {
            throw new OutcomeUnknownException(key, "deleteIf", location, "an attempt's answer was lost, and the "
                    + "entry no longer has the expected version", null);
        }
        throw Conflicts.of(key, expected, currentVersion(DOCUMENT, key, "deleteIf", location), "deleteIf");
    }

    @Override
    public void deleteAll(Collection<String> keys) {
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            db.run(call("clear", null, scope()), c -> {
                try (PreparedStatement s = c.prepareStatement(sql.deleteIn(batch.size()))) {
                    s.setString(1, scope);
                    for (int i = 0; i < batch.size(); i++) {
                        s.setString(i + 2, batch.get(i));
                    }
                    return s.executeUpdate();
                }
            });
        }
    }

    /** Runs a conditional statement; when its retries run out after a lost answer, its outcome is unknown. */
    private int conditional(Database.Call call, Database.Work<Integer> work) {
        try {
            return db.run(call, work);
        } catch (StoreUnavailableException e) {
            if (call.answerLost) {
                throw new OutcomeUnknownException(call.key, call.operation, call.location, "an attempt's answer was "
                        + "lost and no later attempt reached the database", e);
            }
            throw e;
        }
    }

    private String currentVersion(String kind, String name, String operation, String location) {
        return db.run(call(operation, name, location), c -> {
            try (PreparedStatement s = c.prepareStatement(sql.selectVersion)) {
                bindRow(s, 1, kind, name);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getString(1) : null;
                }
            }
        });
    }

    private void bindRow(PreparedStatement s, int first, String kind, String name) throws SQLException {
        s.setString(first, scope);
        s.setString(first + 1, kind);
        s.setString(first + 2, name);
    }

    private Database.Call call(String operation, String key, String location) {
        return new Database.Call(operation, key, location);
    }

    private String scope() {
        return db.names().entries() + " in " + db.describe() + ", scope " + scope;
    }

    @Override
    public String locate(String key) {
        return scope() + ", key " + key;
    }

    @Override
    public String locateLock(String name) {
        return scope() + ", lock " + name;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            db.release();
        }
    }

    @Override
    public String toString() {
        return "jdbc " + db.names().entries() + " in " + db.describe();
    }

    /** The statements of one table pair. */
    private static final class Statements {
        final String select;
        final String selectVersion;
        final String names;
        final String versions;
        final String expiring;
        final String insert;
        final String upsert;
        final String updateIf;
        final String delete;
        final String deleteIf;
        private final String table;

        Statements(TableNames tables) {
            table = tables.entries();
            String row = " WHERE scope = ? AND kind = ? AND name = ?";
            select = "SELECT document, version FROM " + table + row;
            selectVersion = "SELECT version FROM " + table + row;
            names = "SELECT name FROM " + table + " WHERE scope = ? AND kind = ?";
            versions = "SELECT name, version FROM " + table + " WHERE scope = ? AND kind = '" + DOCUMENT + "'";
            expiring = versions + " AND version LIKE ?";
            insert = "INSERT INTO " + table + " (scope, kind, name, document, version) VALUES (?, ?, ?, ?, ?)"
                    + " ON CONFLICT (scope, kind, name) DO NOTHING";
            upsert = "INSERT INTO " + table + " (scope, kind, name, document, version) VALUES (?, ?, ?, ?, ?)"
                    + " ON CONFLICT (scope, kind, name) DO UPDATE SET document = excluded.document,"
                    + " version = excluded.version, updated_at = CURRENT_TIMESTAMP";
            updateIf = "UPDATE " + table + " SET document = ?, version = ?, updated_at = CURRENT_TIMESTAMP" + row
                    + " AND version = ?";
            delete = "DELETE FROM " + table + row;
            deleteIf = delete + " AND version = ?";
        }

        String selectIn(int count) {
            return "SELECT name, document, version FROM " + table + " WHERE scope = ? AND kind = '" + DOCUMENT
                    + "' AND name IN (" + placeholders(count) + ")";
        }

        String deleteIn(int count) {
            return "DELETE FROM " + table + " WHERE scope = ? AND kind = '" + DOCUMENT + "' AND name IN ("
                    + placeholders(count) + ")";
        }

        private static String placeholders(int count) {
            return "?" + ", ?".repeat(count - 1);
        }
    }
}
