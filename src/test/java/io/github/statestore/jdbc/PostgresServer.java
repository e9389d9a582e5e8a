package io.github.statestore.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for the tests, started once per JVM from Maven artifacts (no Docker) and stopped
 * when the JVM exits. Each {@link #newConfig()} gets tables of its own, so tests never see each other's rows.
 */
public final class PostgresServer {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private PostgresServer() {
    }

    /** {@return the running server, started on first use} */
    public static synchronized EmbeddedPostgres get() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // The JVM is exiting; the server's own files are temporary.
                }
            }));
        }
        return server;
    }

    /** {@return the JDBC URL of the server's {@code postgres} database, as its superuser} */
    public static String url() {
        return get().getJdbcUrl("postgres", "postgres");
    }

    /** {@return a builder on the server, with a table no other config of this JVM uses} */
    public static JdbcConfig.Builder newConfig() {
        return JdbcConfig.builder().url(url()).table("state_" + ProcessHandle.current().pid() + "_"
                + TABLES.incrementAndGet());
    }
}
