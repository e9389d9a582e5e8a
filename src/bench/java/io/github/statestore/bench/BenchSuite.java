package io.github.statestore.bench;

import io.github.statestore.s3.BenchServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs the whole benchmark suite in one go and writes its results: starts S3Proxy and the 20 ms latency
 * proxy, seeds one bucket and one FileSystem root, runs every JMH benchmark of this package (each in a forked
 * JVM, S3Proxy staying in this one), times Alchemy 0.94.0's stores on the same data with Node, measures the
 * heap {@code all()} over 10,000 documents holds ({@link HeapHeld}, in this JVM), then writes
 * {@code target/bench/results.md} (the table of {@code docs/performance.md}) and
 * {@code target/bench/getbatch-concurrency.png}; then measures on the in-memory endpoint at 20 ms
 * ({@link MemoryS3Suite}) and writes {@code target/bench/latency.md} and
 * {@code target/bench/latency-concurrency.png}. Start it with {@code mvn -B -Pbench test-compile exec:exec}
 * (argument {@code full}, the default; {@code -Dbench.args=quick} for one short iteration of each benchmark;
 * {@code -Dbench.args=latency} for the in-memory endpoint's part alone, {@code latency,quick} for a short one).
 * The SQL rows ({@link SqlSuite}: PostgreSQL and SQLite, seeded by {@link SqlDatabases}) run with the S3Proxy
 * part, or alone with {@code -Dbench.args=sql} or {@code sql-quick}.
 */
public final class BenchSuite {
    private static final Path OUT = Path.of("target", "bench");
    private static final int[] CONCURRENCIES = {1, 4, 8, 16, 32, 64};
    /** Seconds of {@link JitWarmup} in each forked benchmark JVM of a full run. */
    private static final int JIT_WARMUP_SECONDS = 20;
    /** Seconds of reads through each endpoint that warm this JVM's servers before anything is measured. */
    private static final int SERVER_WARMUP_SECONDS = 30;

    private BenchSuite() {
    }

    /**
     * @param args words, in one argument or several, separated by spaces or commas: {@code full} (the
     *     default: everything), {@code quick} (one short iteration of each), {@code latency} (only the
     *     in-memory endpoint at 20 ms, {@link MemoryS3Suite}); {@code latency,quick} combines them;
     *     {@code sql} or {@code sql-quick} alone run only the SQL rows. A quick run ignores JMH's
     *     machine-wide lock: its numbers are not kept, and a benchmark of another checkout may hold the lock
     */
    public static void main(String[] args) throws Exception {
        if (SqlSuite.only(args)) {
            SqlSuite.main(args);
            return;
        }
        System.setProperty("java.awt.headless", "true");
        Set<String> words = words(args);
        boolean quick = words.contains("quick");
        if (quick) {
            System.setProperty("jmh.ignoreLock", "true");
        }
        String loadBefore = Machine.load();
        Files.createDirectories(OUT);
        Path fsRoot = OUT.resolve("fs").toAbsolutePath();
        deleteTree(OUT.resolve("fs"));
        Seeder.seedFileSystem(fsRoot);
        String bucket = "bench-" + System.currentTimeMillis();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(BenchEnv.BUCKET_PROPERTY, bucket);
        settings.put(BenchEnv.FS_ROOT_PROPERTY, fsRoot.toString());
        settings.put(BenchEnv.JIT_WARMUP_PROPERTY, String.valueOf(quick ? 1 : JIT_WARMUP_SECONDS));
        settings.forEach(System::setProperty);
        List<String> jvmArgs = new ArrayList<>();
        settings.forEach((name, value) -> jvmArgs.add("-D" + name + "=" + value));
        if (!words.contains("latency")) {
            onS3Proxy(quick, bucket, fsRoot, jvmArgs, loadBefore);
        }
        new MemoryS3Suite(quick, bucket, fsRoot, jvmArgs, OUT).run();
        System.exit(0);
    }

    private static Set<String> words(String[] args) {
        Set<String> words = new TreeSet<>();
        for (String arg : args) {
            for (String word : arg.split("[\\s,]+")) {
                if (!word.isEmpty() && !Set.of("full", "quick", "latency").contains(word)) {
                    throw new IllegalArgumentException("unknown benchmark suite argument '" + word
                            + "': use full, quick, latency or latency,quick");
                }
                words.add(word);
            }
        }
        return words;
    }

    /**
     * Everything measured on S3Proxy (directly and through the 20 ms latency proxy) and on the FileSystem,
     * written to {@code results.md} and {@code getbatch-concurrency.png}.
     */
    private static void onS3Proxy(boolean quick, String bucket, Path fsRoot, List<String> baseJvmArgs,
            String loadBefore) throws Exception {
        try (BenchServers servers = BenchServers.start(BenchEnv.LATENCY);
                S3Client setup = BenchEnv.rawClient(servers.direct(), 16);
                SqlDatabases sql = SqlDatabases.start(OUT)) {
            setup.createBucket(b -> b.bucket(bucket));
            Seeder.seedBucket(setup, bucket);
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put(BenchEnv.DIRECT_PROPERTY, servers.direct().toString());
            settings.put(BenchEnv.SLOW_PROPERTY, servers.slow().toString());
            settings.putAll(sql.properties());
            settings.forEach(System::setProperty);
            warmServers(Duration.ofSeconds(quick ? 1 : SERVER_WARMUP_SECONDS));
            List<String> jvmArgs = new ArrayList<>(baseJvmArgs);
            settings.forEach((name, value) -> jvmArgs.add("-D" + name + "=" + value));
            NodeSide node = new NodeSide(quick);
            String nodeMissing = NodeSide.unavailable();
            if (nodeMissing == null) {
                node.run("s3-direct", servers.direct(), bucket, fsRoot);
                node.run("s3-slow", servers.slow(), bucket, fsRoot);
                node.run("fs", null, bucket, fsRoot);
            }
            JmhRuns jmh = new JmhRuns(jvmArgs, quick, OUT);
            jmh.run(MemoryBench.class, false);
            jmh.run(FileSystemBench.class, false);
            jmh.run(S3SingleBench.class, false);
            jmh.run(S3ListBench.class, false);
            jmh.run(S3BatchBench.class, false);
            jmh.run(S3ClearBench.class, false);
            jmh.run(S3AllocBench.class, true);
            SqlSuite.run(jmh);
            jmh.run(GetBatchConcurrencyBench.class, false, "concurrency", quick ? "8,64" : "4,8,16,32,64");
            if (!quick) {
                jmh.runOnce(GetBatchConcurrencyBench.class, "concurrency", "1");
            }
            String held = heldTable("direct");
            String why = nodeMissing != null ? nodeMissing : node.failure();
            write(jmh, node.medians(), why, held, quick, loadBefore, Machine.load());
            SqlSuite.append(OUT.resolve("results.md"), jmh.medians());
        }
    }

    /**
     * Reads the 1,000-key scope through each endpoint for a while, so that S3Proxy and the latency proxy (this
     * JVM) are past their JIT warm-up before Alchemy or any benchmark is timed against them.
     */
    private static void warmServers(Duration time) {
        for (String endpoint : List.of("direct", "slow")) {
            try (BatchFixture reads = new BatchFixture(endpoint, BenchEnv.K1000, BenchEnv.DEFAULT_CONCURRENCY)) {
                int calls = JitWarmup.repeat(time, reads::getBatch);
                System.out.println("Server warm-up: " + calls + " getBatch(1000) calls through " + endpoint);
            }
        }
    }

    /**
     * Measures, in this JVM, the heap that {@code all()} over 10,000 documents and the raw loop hold while
     * they run against what their results hold, each after one unmeasured call, at the default concurrency.
     *
     * @param endpoint {@code direct} (S3Proxy) or {@code mem} (the in-memory endpoint without latency)
     */
    static String heldTable(String endpoint) throws InterruptedException {
        try (BatchFixture reads = new BatchFixture(endpoint, BenchEnv.K10000, BenchEnv.DEFAULT_CONCURRENCY)) {
            reads.all();
            HeapHeld.Measurement ours = HeapHeld.measure(reads::all);
            reads.rawAll();
            HeapHeld.Measurement raw = HeapHeld.measure(reads::rawAll);
            return Tables.held(ours, raw);
        }
    }

    private static void write(JmhRuns jmh, Map<String, Double> alchemy, String alchemyFailure, String held,
            boolean quick, String loadBefore, String loadAfter) throws IOException {
        Map<String, Double> m = jmh.medians();
        double ideal = 1000.0 * BenchEnv.LATENCY.toMillis() / BenchEnv.DEFAULT_CONCURRENCY;
        Report table = Tables.results(m, alchemy, jmh.allocations(), ideal);
        Map<String, SortedMap<Integer, Double>> series = new LinkedHashMap<>();
        series.put("ours: getBatch", curve(m, "GetBatchConcurrencyBench.getBatch@", ",slow"));
        series.put("raw SDK loop", curve(m, "GetBatchConcurrencyBench.rawGetBatch@", ",slow"));
        SortedMap<Integer, Double> ideals = new TreeMap<>();
        for (int c : CONCURRENCIES) {
            ideals.put(c, 1000.0 * BenchEnv.LATENCY.toMillis() / c);
        }
        series.put("ideal: 1000 × 20 ms ÷ c", ideals);
        Map<String, Double> references = new LinkedHashMap<>();
        references.put("Alchemy 0.94.0 (50 sockets)", alchemy.get("s3-slow.getBatch"));
        references.put("ours at " + BenchEnv.DEFAULT_CONCURRENCY + ", no latency",
                m.get("S3BatchBench.getBatch@direct"));
        Chart.draw("getBatch of 1,000 keys, 20 ms per request: time against concurrency",
                series, references, OUT.resolve("getbatch-concurrency.png"));
        StringBuilder md = new StringBuilder()
                .append("Run: ").append(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME))
                .append(quick ? " (quick: one short iteration each, numbers only show that it runs)" : "")
                .append("\n\nMachine: ").append(Machine.describe())
                .append("\n\nLoad average (1, 5, 15 min) before: ").append(loadBefore)
                .append("; after: ").append(loadAfter).append("\n\n")
                .append(table.markdown())
                .append(alchemyFailure == null ? "" : "\nAlchemy not measured: " + alchemyFailure + "\n")
                .append("\ngetBatch(1000) at 20 ms against concurrency (medians):\n\n")
                .append(Tables.concurrency(series))
                .append("\nHeap held by `all()` over 10,000 × 2 KB (direct; live heap at full collections):\n\n")
                .append(held).append("\nEvery median (ms):\n\n");
        m.forEach((k, v) -> md.append("- ").append(k).append(": ").append(String.format("%.4f", v)).append('\n'));
        alchemy.forEach((k, v) -> md.append("- alchemy ").append(k).append(": ")
                .append(String.format("%.4f", v)).append('\n'));
        jmh.allocations().forEach((k, v) -> md.append("- ").append(k).append(" allocates: ")
                .append(String.format("%.0f", v)).append(" B/call\n"));
        Files.writeString(OUT.resolve("results.md"), md, StandardCharsets.UTF_8);
        System.out.println("\n" + md + "\nWritten: " + OUT.resolve("results.md") + ", "
                + OUT.resolve("getbatch-concurrency.png"));
    }

    /** The medians named {@code <prefix><concurrency><suffix>}, by concurrency. */
    static SortedMap<Integer, Double> curve(Map<String, Double> medians, String prefix, String suffix) {
        SortedMap<Integer, Double> points = new TreeMap<>();
        medians.forEach((k, v) -> {
            if (k.startsWith(prefix) && k.endsWith(suffix)) {
                points.put(Integer.parseInt(k.substring(prefix.length(), k.length() - suffix.length())), v);
            }
        });
        return points;
    }

    /** Deletes a directory and everything in it, if it exists. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.forEach(paths::add);
        }
        for (int i = paths.size() - 1; i >= 0; i--) {
            Files.delete(paths.get(i));
        }
    }
}
