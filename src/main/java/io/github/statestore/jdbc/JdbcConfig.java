package io.github.statestore.jdbc;

import io.github.statestore.HistoryPolicy;
import io.github.statestore.InvalidConfigException;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.internal.Arguments;
import io.github.statestore.internal.Builders;
import io.github.statestore.s3.RetryPolicy;
import io.github.statestore.spi.BackendStores;
import io.github.statestore.spi.ScopeDiscovery;
import io.github.statestore.spi.ScopeListing;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The SQL store: every scope's documents and lock entries as rows of one table, in PostgreSQL (12 or later)
 * or SQLite (3.24 or later), over the caller's {@link DataSource} or a JDBC URL.
 *
 * <pre>{@code
 * JdbcConfig config = JdbcConfig.builder()
 *         .url("jdbc:postgresql://db.internal/platform")
 *         .user("state")
 *         .databasePassword(System.getenv("DB_PASSWORD"))
 *         .build();
 * }</pre>
 *
 * The JDBC driver is the caller's to add ({@code org.postgresql:postgresql} or {@code org.xerial:sqlite-jdbc});
 * a store opened without it names the dependency to add. The tables, their DDL per database and every option
 * are described in {@code docs/jdbc.md}; the built config reports each setting with an accessor of the same
 * name, the passwords only as {@link #hasPassword()} and {@link #hasDatabasePassword()}.
 *
 * <p>Stores opened from one config share its connections: with a URL, a pool of at most
 * {@link #maxConnections()} connections, closed when the last of those stores closes; with a
 * {@code DataSource}, the caller's pool, which stays the caller's to close. Two configs with the same settings
 * (the same {@code DataSource} object) are {@link #equals equal}, but only stores of one config object share
 * connections. Immutable in its settings and thread-safe; {@link #toString()} never shows a password.
 */
public final class JdbcConfig implements StoreConfig, ScopeDiscovery {
    /** The default name of the documents' table. */
    public static final String DEFAULT_TABLE = "statestore_entries";
    /** The default largest number of connections a URL config opens at once. */
    public static final int DEFAULT_MAX_CONNECTIONS = 10;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** PostgreSQL's identifier limit, less the schema-version table's suffix. */
    private static final int MAX_TABLE_LENGTH = 63 - TableNames.SCHEMA_SUFFIX.length();

    private final String url;
    private final DataSource dataSource;
    private final String user;
    private final String databasePassword;
    private final String table;
    private final String schema;
    private final boolean createTables;
    private final int maxConnections;
    private final RetryPolicy retryPolicy;
    private final String password;
    private final HistoryPolicy history;
    private final Database database;
    private volatile boolean driverFound;

    private JdbcConfig(Builder b) {
        this.url = b.url;
        this.dataSource = b.dataSource;
        this.user = b.user;
        this.databasePassword = b.databasePassword;
        this.table = b.table;
        this.schema = b.schema;
        this.createTables = b.createTables;
        this.maxConnections = b.maxConnections;
        this.retryPolicy = b.retryPolicy;
        this.password = b.password;
        this.history = b.history;
        Connections connections = url == null ? new DataSourceConnections(dataSource)
                : new PooledConnections(url, properties(), maxConnections, Dialect.ofUrl(url));
        this.database = new Database(connections, url == null ? null : Dialect.ofUrl(url),
                TableNames.of(schema, table), createTables, retryPolicy);
    }

    private Properties properties() {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (databasePassword != null) {
            p.setProperty("password", databasePassword);
        }
        return p;
    }

    /** {@return a builder with every default set; a {@code url} or a {@code dataSource} is required} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public StateStore open(Scope scope) {
        Arguments.notNull(scope, "scope");
        JdbcBackend backend = backend(scope);
        try {
            return BackendStores.open(scope, backend, password, history);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    /** {@return a backend of one scope of this config's tables, which the caller closes} */
    JdbcBackend backend(Scope scope) {
        checkDriver();
        database.retain();
        return new JdbcBackend(database, scope);
    }

    /**
     * Lists the scopes that hold a document, from the table's scope column.
     *
     * @return the listing
     */
    @Override
    public ScopeListing openScopeListing() {
        checkDriver();
        return new JdbcScopes(database);
    }

    private void checkDriver() {
        if (url == null || driverFound) {
            return;
        }
        try {
            DriverManager.getDriver(url);
            driverFound = true;
        } catch (SQLException e) {
            throw new InvalidConfigException("url", "no JDBC driver on the classpath reads " + database.describe()
                    + "; add the Maven dependency " + Dialect.ofUrl(url).driver() + " to your project");
        }
    }

    /** {@return the JDBC URL, when the config was built from one} */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    /** {@return the caller's {@code DataSource}, when the config was built from one} */
    public Optional<DataSource> dataSource() {
        return Optional.ofNullable(dataSource);
    }

    /** {@return the database user set with the URL, if any} */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** {@return whether a database password was set with the URL; the password itself is never returned} */
    public boolean hasDatabasePassword() {
        return databasePassword != null;
    }

    /** {@return the documents' table name, without its schema} */
    public String table() {
        return table;
    }

    /** {@return the schema of the tables, when one was set; otherwise the connection's default schema is used} */
    public Optional<String> schema() {
        return Optional.ofNullable(schema);
    }

    /** {@return whether a store creates missing tables on its first use} */
    public boolean createTables() {
        return createTables;
    }

    /** {@return the largest number of connections a URL config's stores open at once} */
    public int maxConnections() {
        return maxConnections;
    }

    /** {@return how a statement is retried after a transient failure} */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** {@return whether and how long stores keep the versions their writes replace} */
    public HistoryPolicy history() {
        return history;
    }

    /**
     * {@return whether a password of secrets was set on this config} Without one, a store takes
     * {@code STATESTORE_PASSWORD}, else {@code ALCHEMY_PASSWORD}, from the environment when it is opened.
     */
    public boolean hasPassword() {
        return password != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JdbcConfig c && Objects.equals(c.url, url) && c.dataSource == dataSource
                && Objects.equals(c.user, user) && Objects.equals(c.databasePassword, databasePassword)
                && c.table.equals(table) && Objects.equals(c.schema, schema) && c.createTables == createTables
                && c.maxConnections == maxConnections && c.retryPolicy.equals(retryPolicy)
                && Objects.equals(c.password, password) && c.history.equals(history);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, System.identityHashCode(dataSource), user, table, schema, createTables,
                maxConnections, retryPolicy, history);
    }

    /** Lists the settings, the passwords only as set or none. */
    @Override
    public String toString() {
        return "JdbcConfig{" + (url != null ? "url=" + url + ", user=" + user + ", databasePassword="
                + (databasePassword == null ? "none" : "set") + ", maxConnections=" + maxConnections
                : "dataSource=" + dataSource.getClass().getName()) + ", table=" + table + ", schema=" + schema
                + ", createTables=" + createTables + ", retryPolicy=" + retryPolicy + ", password="
                + (password == null ? "none" : "set") + (history.enabled() ? ", history=" + history : "") + "}";
    }

    /** Builds a {@link JdbcConfig}, checking each setting as it is set. Not thread-safe. */
    public static final class Builder {
        private String url;
        private DataSource dataSource;
        private String user;
        private String databasePassword;
        private String table = DEFAULT_TABLE;
        private String schema;
        private boolean createTables = true;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private boolean maxConnectionsSet;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private String password;
        private HistoryPolicy history = HistoryPolicy.off();

        private Builder() {
        }

        /**
         * Sets the JDBC URL the store connects with, through a pool of its own.
         *
         * @param url {@code jdbc:postgresql://host[:port]/database[?driver parameters]} or
         *     {@code jdbc:sqlite:path/to/file.db}; without a password, which is {@link #databasePassword}'s
         * @return this builder
         * @throws InvalidConfigException if blank, of another database, an in-memory SQLite database (each of
         *     whose connections is a database of its own), or holding a password
         */
        public Builder url(String url) {
            if (url == null || url.isBlank()) {
                throw new InvalidConfigException("url", "must not be blank");
            }
            Dialect dialect = Dialect.ofUrl(url);
            if (dialect == null) {
                throw new InvalidConfigException("url", "'" + url + "' is not a database the JDBC store supports: "
                        + "use jdbc:postgresql://host/database or jdbc:sqlite:path/to/file.db");
            }
            String lower = url.toLowerCase(Locale.ROOT);
            if (lower.matches("(?s).*[?&;]password=.*")) {
                throw new InvalidConfigException("url", "must not hold the database password; set it with "
                        + "databasePassword(…), or STATESTORE_JDBC_PASSWORD for a store URL");
            }
            String path = lower.substring("jdbc:sqlite:".length()).split("\\?", 2)[0];
            if (dialect == Dialect.SQLITE && (path.isEmpty() || path.contains(":memory:")
                    || lower.contains("mode=memory"))) {
                throw new InvalidConfigException("url", "'" + url + "' is an in-memory SQLite database, a database "
                        + "of its own on each connection; name a file, such as jdbc:sqlite:state.db, or use "
                        + "StoreConfig.memory()");
            }
            this.url = url;
            return this;
        }

        /**
         * Sets the caller's {@code DataSource} (their pool, such as HikariCP's), used instead of a URL.
         *
         * @param dataSource a PostgreSQL or SQLite data source; the stores borrow a connection per statement
         *     and close it after, and never close the data source
         * @return this builder
         * @throws InvalidConfigException if null
         */
        public Builder dataSource(DataSource dataSource) {
            if (dataSource == null) {
                throw new InvalidConfigException("dataSource", "must not be null");
            }
            this.dataSource = dataSource;
            return this;
        }

        /**
         * Sets the database user of the URL.
         *
         * @param user the user name; default: the driver's (for PostgreSQL, the operating system user)
         * @return this builder
         * @throws InvalidConfigException if blank
         */
        public Builder user(String user) {
            if (user == null || user.isBlank()) {
                throw new InvalidConfigException("user", "must not be blank");
            }
            this.user = user;
            return this;
        }

        /**
         * Sets the database password of the URL's user.
         *
         * @param databasePassword the password; default: none
         * @return this builder
         * @throws InvalidConfigException if null or empty
         */
        public Builder databasePassword(String databasePassword) {
            if (databasePassword == null || databasePassword.isEmpty()) {
                throw new InvalidConfigException("databasePassword", "must not be empty");
            }
            this.databasePassword = databasePassword;
            return this;
        }

        /**
         * Sets the documents' table; the layout's version is kept in a second table, named after it with the
         * suffix {@code _schema}.
         *
         * @param table a SQL identifier: a letter or {@code _}, then letters, digits and {@code _}, at most 56
         *     characters; default {@value JdbcConfig#DEFAULT_TABLE}
         * @return this builder
         * @throws InvalidConfigException if of another shape
         */
        public Builder table(String table) {
            this.table = identifier("table", table, MAX_TABLE_LENGTH);
            return this;
        }

        /**
         * Sets the PostgreSQL schema of the tables.
         *
         * @param schema a SQL identifier, at most 63 characters; default: the connection's search path
         * @return this builder
         * @throws InvalidConfigException if of another shape
         */
        public Builder schema(String schema) {
            this.schema = identifier("schema", schema, 63);
            return this;
        }

        /**
         * Sets whether a store creates the tables (with {@code CREATE TABLE IF NOT EXISTS}) on its first use.
         * Without it, create them once with {@link StateStore#init()} or with the DDL of {@code docs/jdbc.md}.
         *
         * @param createTables default {@code true}
         * @return this builder
         */
        public Builder createTables(boolean createTables) {
            this.createTables = createTables;
            return this;
        }

        /**
         * Sets how many connections a URL config's stores open at once, together.
         *
         * @param maxConnections 1 to 1,000; default {@value JdbcConfig#DEFAULT_MAX_CONNECTIONS}
         * @return this builder
         * @throws InvalidConfigException if out of range
         */
        public Builder maxConnections(int maxConnections) {
            if (maxConnections < 1 || maxConnections > 1_000) {
                throw new InvalidConfigException("maxConnections", "must be 1 to 1000, was " + maxConnections);
            }
            this.maxConnections = maxConnections;
            this.maxConnectionsSet = true;
            return this;
        }

        /**
         * Sets how a statement is retried after a transient failure (a busy SQLite database, a PostgreSQL
         * serialization failure or deadlock, a lost connection).
         *
         * @param retryPolicy default {@link RetryPolicy#defaults()}
         * @return this builder
         * @throws InvalidConfigException if null
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            if (retryPolicy == null) {
                throw new InvalidConfigException("retryPolicy", "must not be null");
            }
            this.retryPolicy = retryPolicy;
            return this;
        }

        /**
         * Sets the password of secrets.
         *
         * @param password encrypts and decrypts secrets; default: {@code STATESTORE_PASSWORD}, else
         *     {@code ALCHEMY_PASSWORD}, else none
         * @return this builder
         * @throws InvalidConfigException if empty
         */
        public Builder password(String password) {
            this.password = Builders.password(password);
            return this;
        }

        /**
         * Sets whether and how long stores keep the versions their writes replace, in rows of the same table
         * (see the history page of the documentation).
         *
         * @param history the policy; default {@link HistoryPolicy#off()}
         * @return this builder
         * @throws InvalidConfigException naming {@code history} if null
         */
        public Builder history(HistoryPolicy history) {
            this.history = Builders.history(history);
            return this;
        }

        /**
         * Builds the config, checking the settings against each other.
         *
         * @return the config
         * @throws InvalidConfigException if neither or both of a URL and a data source are set, if user,
         *     databasePassword or maxConnections are set with a data source (whose pool has its own), or if a
         *     schema is set for SQLite
         */
        public JdbcConfig build() {
            if ((url == null) == (dataSource == null)) {
                throw new InvalidConfigException(url == null ? "url" : "dataSource", "set either a url or a "
                        + "dataSource, not " + (url == null ? "neither" : "both"));
            }
            if (dataSource != null && (user != null || databasePassword != null || maxConnectionsSet)) {
                throw new InvalidConfigException("dataSource", "a DataSource has its own user, password and pool "
                        + "size; do not set user, databasePassword or maxConnections too");
            }
            if (schema != null && url != null && Dialect.ofUrl(url) == Dialect.SQLITE) {
                throw new InvalidConfigException("schema", "SQLite has no schemas; leave it unset");
            }
            return new JdbcConfig(this);
        }

        private static String identifier(String setting, String value, int maxLength) {
            if (value == null || !IDENTIFIER.matcher(value).matches() || value.length() > maxLength) {
                throw new InvalidConfigException(setting, "'" + value + "' is not a SQL identifier of at most "
                        + maxLength + " characters: a letter or '_', then letters, digits and '_'");
            }
            return value;
        }
    }
}
