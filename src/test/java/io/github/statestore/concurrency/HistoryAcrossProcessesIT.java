package io.github.statestore.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.statestore.HistoryEntry;
import io.github.statestore.HistoryPolicy;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.Version;
import io.github.statestore.fs.ChildJvm;
import io.github.statestore.jdbc.PostgresServer;
import io.github.statestore.s3.S3Server;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves history across processes on every backend that processes share: once both have warmed up, a second
 * JVM and this one overwrite a key {@value #WRITES} times each, in rounds: this JVM tells the child to write and
 * writes at the same moment, so that the two race for the same version in each round, then reads the key's
 * history, which holds two more versions each round. In the end the history holds every replaced version exactly once (one per write of either process),
 * each
 * process's versions newest first in the order it wrote them, and together with the current document every
 * state either process wrote; a version the other process wrote restores here. (A listing taken while the
 * other process is between keeping a version and writing may show its entry before that write, or conflict,
 * drops it again: listings only grow by this process's own writes.) The child takes its history
 * policy from its store URL ({@code historyVersions}).
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HistoryAcrossProcessesIT {
    static final Scope SCOPE = Scope.of("history", "dev");
    static final String KEY = "api/database";
    /** The key each process writes first, to warm up, before both start writing {@link #KEY} together. */
    static final String WARM_UP = "warm-up";
    private static final int WRITES = 30;
    private static final HistoryPolicy POLICY = HistoryPolicy.keepVersions(HistoryPolicy.MAX_VERSIONS);
    private static final String R2_ACCOUNT = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    @Test
    void fileSystem() throws Exception {
        Path root = dir.resolve(".alchemy");
        String url = root.toUri() + "?historyVersions=10000";
        acrossProcesses("FileSystem", StoreConfig.parse(url), url, Map.of());
    }

    @Test
    void s3() throws Exception {
        String bucket = S3Server.newBucket();
        String url = "s3://" + bucket + "?region=us-east-1&pathStyle=true&historyVersions=10000&endpoint="
                + endpoint();
        acrossProcesses("S3", S3Server.config(bucket).history(POLICY).build(), url,
                Map.of("AWS_ACCESS_KEY_ID", S3Server.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", S3Server.SECRET_KEY));
    }

    @Test
    void r2() throws Exception {
        String url = "r2://" + R2_ACCOUNT + "/" + S3Server.newBucket() + "?historyVersions=10000&endpoint="
                + endpoint();
        Map<String, String> env = Map.of("R2_ACCESS_KEY_ID", S3Server.ACCESS_KEY,
                "R2_SECRET_ACCESS_KEY", S3Server.SECRET_KEY);
        Map<String, String> parentEnv = new HashMap<>(env);
        parentEnv.put("STATESTORE_URL", url);
        acrossProcesses("R2", StoreConfig.fromEnv(parentEnv), url, env);
    }

    @Test
    void sqlite() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("state.db") + "?historyVersions=10000";
        acrossProcesses("SQLite", StoreConfig.parse(url), url, Map.of());
    }

    @Test
    void postgres() throws Exception {
        String url = PostgresServer.url() + "&table=history_" + ProcessHandle.current().pid()
                + "&historyVersions=10000";
        acrossProcesses("PostgreSQL", StoreConfig.parse(url), url, Map.of());
    }

    private static void acrossProcesses(String backend, StoreConfig config, String url, Map<String, String> env)
            throws Exception {
        try (StateStore store = config.open(SCOPE)) {
            HistoryWriterChild.warmUp(store);
            store.create(KEY, HistoryWriterChild.state("initial", 0));
            try (ChildJvm child = ChildJvm.start(env, HistoryWriterChild.class, url, String.valueOf(WRITES))) {
                child.awaitReady();
                for (int round = 0; round < WRITES; round++) {
                    child.send("write");
                    store.set(KEY, HistoryWriterChild.state("parent-" + round, round));
                    assertEquals("wrote child-" + round, child.awaitLine());
                    int kept = store.history(KEY).size();
                    assertEquals(2 * (round + 1), kept, backend + ": versions kept after round " + round);
                }
                child.awaitExit();
            }
            List<HistoryEntry> history = store.history(KEY);
            assertEquals(2 * WRITES, history.size(), backend + ": one kept version per write of either "
                    + "process");
            List<String> ids = new ArrayList<>();
            for (HistoryEntry entry : history) {
                ids.add(store.getAt(KEY, entry.version()).orElseThrow().id());
            }
            assertNewestFirst(backend, ids, "child-");
            assertNewestFirst(backend, ids, "parent-");
            Set<String> seen = new TreeSet<>(ids);
            seen.add(store.get(KEY).orElseThrow().id());
            Set<String> written = new TreeSet<>(Set.of("initial"));
            for (int i = 0; i < WRITES; i++) {
                written.add("child-" + i);
            }
            for (int i = 0; i < WRITES; i++) {
                written.add("parent-" + i);
            }
            assertEquals(written, seen, backend + ": every state either process wrote, and no other");
            Version childs = history.get(ids.indexOf("child-0")).version();
            store.restore(KEY, childs);
            assertEquals("child-0", store.get(KEY).orElseThrow().id());
            long turns = IntStream.range(1, ids.size())
                    .filter(i -> ids.get(i).charAt(0) != ids.get(i - 1).charAt(0)).count();
            System.out.printf("%s: %d writes by two processes in %d rounds, interleaved with %d turns between them; "
                    + "%d versions kept, each once and in each writer's order%n", backend, 2 * WRITES, WRITES, turns,
                    history.size());
        }
    }

    /** The ids one writer wrote appear newest first: its last write's id before its first's. */
    private static void assertNewestFirst(String backend, List<String> ids, String writer) {
        List<Integer> order = ids.stream().filter(id -> id.startsWith(writer))
                .map(id -> Integer.parseInt(id.substring(writer.length()))).toList();
        List<Integer> expected = new ArrayList<>(order);
        expected.sort((a, b) -> b - a);
        assertEquals(expected, order, backend + ": " + writer + " versions newest first");
    }

    private static String endpoint() {
        return URLEncoder.encode(S3Server.endpoint().toString(), StandardCharsets.UTF_8);
    }
}
