/**
 * statestore: pluggable state stores (FileSystem, in-memory, Amazon S3, Cloudflare R2, PostgreSQL and SQLite,
 * and backends of third parties found with {@link java.util.ServiceLoader}), sharing Alchemy's layout, JSON and
 * secrets.
 *
 * <p>Exported: the API ({@code io.github.statestore} and the packages of its stores and secrets), the key
 * encoding ({@code io.github.statestore.key}), the backend SPI ({@code io.github.statestore.spi}), and metrics
 * and traces through Micrometer ({@code io.github.statestore.observation}, which alone needs the optional
 * {@code micrometer.observation} module). Not
 * exported: {@code io.github.statestore.internal}, which may change in any release, and
 * {@code io.github.statestore.cli}, the {@code statestore} command (run it from the cli jar, on the class path).
 */
module io.github.statestore {
    requires transitive com.fasterxml.jackson.databind;
    requires transitive software.amazon.awssdk.services.s3;
    requires transitive software.amazon.awssdk.auth;
    requires transitive software.amazon.awssdk.core;
    requires transitive java.sql;
    requires software.amazon.awssdk.awscore;
    requires software.amazon.awssdk.http;
    requires software.amazon.awssdk.http.apache5;
    requires software.amazon.awssdk.profiles;
    requires software.amazon.awssdk.regions;
    requires org.bouncycastle.provider;
    requires org.slf4j;
    // Apache HttpClient 5, an automatic module, uses jdk.net.Sockets; nothing else puts jdk.net in the graph.
    requires jdk.net;
    // The statestore command (io.github.statestore.cli) only; optional for the library's users. The package is
    // a program, not an API: not exported, only opened to picocli, which sets its options by reflection.
    requires static info.picocli;
    // Metrics and traces (io.github.statestore.observation) only; optional: nothing else loads Micrometer. Not
    // transitive: a module that requires this one would then need Micrometer to compile, used or not.
    requires static micrometer.observation;
    requires static micrometer.commons;

    exports io.github.statestore;
    exports io.github.statestore.fs;
    exports io.github.statestore.jdbc;
    exports io.github.statestore.key;
    exports io.github.statestore.memory;
    exports io.github.statestore.observation;
    exports io.github.statestore.r2;
    exports io.github.statestore.s3;
    exports io.github.statestore.secret;
    exports io.github.statestore.spi;

    opens io.github.statestore.cli to info.picocli;

    uses io.github.statestore.spi.StoreProvider;

    provides io.github.statestore.spi.StoreProvider with
            io.github.statestore.fs.FileSystemProvider,
            io.github.statestore.jdbc.JdbcProvider,
            io.github.statestore.memory.MemoryProvider,
            io.github.statestore.r2.R2Provider,
            io.github.statestore.s3.S3Provider;
}
