package io.github.statestore.concurrency;

import io.github.statestore.HistoryPolicy;
import io.github.statestore.StoreConfig;
import io.github.statestore.fs.ChildJvm;
import io.github.statestore.jdbc.PostgresServer;
import io.github.statestore.s3.S3Server;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A store that this JVM and a child JVM share, for the tests across processes: the config this JVM opens, and
 * the URL and environment (credentials a URL must not hold) the child opens the same storage by. Each factory
 * makes a new, empty space; {@code params} are URL parameters both sides take ({@code historyVersions=10000}),
 * or empty.
 *
 * @param name the backend's name, for messages
 * @param config what this JVM opens
 * @param url what the child opens
 * @param env the child's extra environment
 */
record SharedStore(String name, StoreConfig config, String url, Map<String, String> env) {
    private static final String R2_ACCOUNT = "0123456789abcdef0123456789abcdef";

    /** A FileSystem store under {@code dir}. */
    static SharedStore fileSystem(Path dir, String params) {
        String url = dir.resolve(".alchemy").toUri() + query("?", params);
        return new SharedStore("FileSystem", StoreConfig.parse(url), url, Map.of());
    }

    /** An S3 store in a new bucket of the tests' S3Proxy. */
    static SharedStore s3(String params) {
        return s3(params, HistoryPolicy.off());
    }

    /** An S3 store in a new bucket of the tests' S3Proxy; this JVM's config keeps history by {@code history}. */
    static SharedStore s3(String params, HistoryPolicy history) {
        String bucket = S3Server.newBucket();
        String url = "s3://" + bucket + "?region=us-east-1&pathStyle=true&endpoint=" + endpoint() + query("&", params);
        return new SharedStore("S3", S3Server.config(bucket).history(history).build(), url,
                Map.of("AWS_ACCESS_KEY_ID", S3Server.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", S3Server.SECRET_KEY));
    }

    /** An R2 store in a new bucket of the tests' S3Proxy, as R2's endpoint. */
    static SharedStore r2(String params) {
        String url = "r2://" + R2_ACCOUNT + "/" + S3Server.newBucket() + "?endpoint=" + endpoint()
                + query("&", params);
        Map<String, String> env = Map.of("R2_ACCESS_KEY_ID", S3Server.ACCESS_KEY,
                "R2_SECRET_ACCESS_KEY", S3Server.SECRET_KEY);
        Map<String, String> parentEnv = new HashMap<>(env);
        parentEnv.put("STATESTORE_URL", url);
        return new SharedStore("R2", StoreConfig.fromEnv(parentEnv), url, env);
    }

    /** A SQLite database file under {@code dir}. */
    static SharedStore sqlite(Path dir, String params) {
        String url = "jdbc:sqlite:" + dir.resolve("state.db") + query("?", params);
        return new SharedStore("SQLite", StoreConfig.parse(url), url, Map.of());
    }

    /** A table of its own, {@code <prefix>_<this JVM's pid>}, in the tests' PostgreSQL server. */
    static SharedStore postgres(String tablePrefix, String params) {
        String url = PostgresServer.url() + "&table=" + tablePrefix + "_" + ProcessHandle.current().pid()
                + query("&", params);
        return new SharedStore("PostgreSQL", StoreConfig.parse(url), url, Map.of());
    }

    /**
     * Starts a child JVM on the store: its main gets the URL, then {@code args}.
     *
     * @param main the child's main class
     * @param args its arguments after the URL
     * @return the running child
     */
    ChildJvm startChild(Class<?> main, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(url));
        all.addAll(List.of(args));
        return ChildJvm.start(env, main, all.toArray(String[]::new));
    }

    private static String query(String separator, String params) {
        return params.isEmpty() ? "" : separator + params;
    }

    private static String endpoint() {
        return URLEncoder.encode(S3Server.endpoint().toString(), StandardCharsets.UTF_8);
    }
}
