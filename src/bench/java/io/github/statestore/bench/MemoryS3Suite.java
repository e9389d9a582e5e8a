package io.github.statestore.bench;

import io.github.statestore.bench.memorys3.MemoryS3;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The benchmarks against an S3 that scales like S3 (issue 16): the in-memory endpoint ({@link MemoryS3}),
 * which answers every request 20 ms after it arrived and spends little CPU, seeded with the same data as
 * S3Proxy. Ours, the raw SDK and Alchemy's store, in warm processes (JMH, with {@link ProcessCpuProfiler} for
 * the client's CPU; Alchemy after 20 s of calls, just before and just after the JMH class of the same
 * workloads) and in fresh ones ({@link FreshRuns}), and {@code getBatch} against concurrency, warm and fresh. Writes {@code latency.md} and {@code latency-concurrency.png}. Not
 * thread-safe.
 */
final class MemoryS3Suite {
    private static final int[] CONCURRENCIES = {16, 32, 64, 128, 192, 256};
    private static final String BEFORE = "@before";
    private static final String AFTER = "@after";
    private static final List<String> WORKLOADS = List.of("get", "set", "getBatch", "all", "list");
    private static final int FRESH_REPETITIONS = 5;
    /** Seconds of JIT warm-up of {@link ClientCpu}'s JVM. */
    private static final int CLIENT_CPU_WARMUP_SECONDS = 60;
    /** Seconds of reads through both endpoints that warm this JVM's endpoint before anything is measured. */
    private static final int SERVER_WARMUP_SECONDS = 10;

    private final boolean quick;
    private final String bucket;
    private final Path fsRoot;
    private final List<String> jvmArgs;
    private final Path out;

    /**
     * @param quick one short iteration of each, one fresh process each: does it run?
     * @param bucket the bucket name to create and seed (the same name as on S3Proxy)
     * @param fsRoot the seeded FileSystem root
     * @param jvmArgs the {@code -D} settings of {@link BenchEnv} the forked JVMs get
     * @param out where to write the results
     */
    MemoryS3Suite(boolean quick, String bucket, Path fsRoot, List<String> jvmArgs, Path out) {
        this.quick = quick;
        this.bucket = bucket;
        this.fsRoot = fsRoot;
        this.jvmArgs = jvmArgs;
        this.out = out;
    }

    /** Starts the endpoint, seeds it, measures everything and writes the results. */
    void run() throws Exception {
        String loadBefore = Machine.load();
        try (MemoryS3 server = MemoryS3.start(BenchEnv.LATENCY);
                S3Client setup = BenchEnv.rawClient(server.direct(), 16)) {
            setup.createBucket(b -> b.bucket(bucket));
            Seeder.seedBucket(setup, bucket);
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put(BenchEnv.MEMORY_PROPERTY, server.endpoint().toString());
            settings.put(BenchEnv.MEMORY_DIRECT_PROPERTY, server.direct().toString());
            settings.put(Documents.PADDING_PROPERTY, String.valueOf(Documents.paddingLines()));
            settings.forEach(System::setProperty);
            List<String> args = new ArrayList<>(jvmArgs);
            settings.forEach((name, value) -> args.add("-D" + name + "=" + value));
            warm(Duration.ofSeconds(quick ? 1 : SERVER_WARMUP_SECONDS));
            long cpuBefore = server.cpuNanos();
            long requestsBefore = server.requests();

            NodeSide node = new NodeSide(quick);
            String nodeMissing = NodeSide.unavailable();
            JmhRuns jmh = new JmhRuns(args, quick, out);
            Bracketed alchemy = (workloads, benchmark) -> {
                if (nodeMissing == null) {
                    node.run("s3-mem20", server.endpoint(), bucket, fsRoot, BEFORE, workloads);
                }
                jmh.runOnMemoryS3(benchmark);
                if (nodeMissing == null) {
                    node.run("s3-mem20", server.endpoint(), bucket, fsRoot, AFTER, workloads);
                }
            };
            alchemy.run(List.of("getBatch", "all"), S3BatchBench.class);
            alchemy.run(List.of("get", "set"), S3SingleBench.class);
            alchemy.run(List.of("list"), S3ListBench.class);
            jmh.runOnMemoryS3(GetBatchConcurrencyBench.class, "concurrency", sweep());
            Files.deleteIfExists(FreshRuns.CLI_ARCHIVE);
            FreshRuns fresh = new FreshRuns(args, nodeMissing == null ? node : null, bucket, fsRoot,
                    quick ? 1 : FRESH_REPETITIONS);
            for (String workload : WORKLOADS) {
                fresh.run(workload, BenchEnv.DEFAULT_CONCURRENCY, true, server.endpoint());
            }
            for (int c : CONCURRENCIES) {
                if (c != BenchEnv.DEFAULT_CONCURRENCY && !quick) {
                    fresh.run("getBatch", c, false, server.endpoint());
                }
            }
            Map<String, Double> clientCpu = new LinkedHashMap<>();
            FreshRuns.child(args, FreshRuns.libraryClassPath(), ClientCpu.class,
                    String.valueOf(quick ? 2 : CLIENT_CPU_WARMUP_SECONDS)).properties()
                    .forEach(e -> clientCpu.put(e.getKey(), e.getValue().asDouble()));
            double serverMicros = (server.cpuNanos() - cpuBefore) / 1e3 / (server.requests() - requestsBefore);
            String held = BenchSuite.heldTable("mem");
            String why = nodeMissing != null ? nodeMissing : node.failure();
            write(jmh, bothRuns(node.medians()), fresh, clientCpu, serverMicros, held, why, loadBefore);
        }
    }

    /** Times Alchemy's workloads just before and just after a JMH class measures ours on the same workloads. */
    @FunctionalInterface
    private interface Bracketed {
        void run(List<String> workloads, Class<?> benchmark) throws Exception;
    }

    /**
     * Alchemy's two runs of each workload, before and after ours, kept as they are and, under the plain name
     * ({@code s3-mem20.getBatch}, {@code s3-mem20.getBatch.cpu}), their mean: the machine's load drifts
     * within minutes, and the mean sets Alchemy's figures at about the time ours were taken.
     */
    private static Map<String, Double> bothRuns(Map<String, Double> medians) {
        Map<String, Double> all = new LinkedHashMap<>(medians);
        medians.forEach((name, before) -> {
            if (name.contains(BEFORE)) {
                Double after = medians.get(name.replace(BEFORE, AFTER));
                all.put(name.replace(BEFORE, ""), after == null ? before : (before + after) / 2);
            }
        });
        return all;
    }

    /** {@return the concurrencies of the sweep, the default among them: two of them in a quick run} */
    private String sweep() {
        SortedSet<Integer> cs = new TreeSet<>();
        if (quick) {
            cs.add(CONCURRENCIES[CONCURRENCIES.length - 1]);
        } else {
            Arrays.stream(CONCURRENCIES).forEach(cs::add);
        }
        cs.add(BenchEnv.DEFAULT_CONCURRENCY);
        return cs.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Reads the 1,000-key scope through both endpoints for a while, so that the endpoint's JIT is done. */
    private static void warm(Duration time) {
        for (String endpoint : List.of("mem", "mem20")) {
            try (BatchFixture reads = new BatchFixture(endpoint, BenchEnv.K1000, BenchEnv.DEFAULT_CONCURRENCY)) {
                int calls = JitWarmup.repeat(time, reads::getBatch);
                System.out.println("Endpoint warm-up: " + calls + " getBatch(1000) calls through " + endpoint);
            }
        }
    }

    private void write(JmhRuns jmh, Map<String, Double> alchemy, FreshRuns fresh, Map<String, Double> clientCpu,
            double serverMicros, String held, String alchemyFailure, String loadBefore) throws IOException {
        Map<String, Double> m = jmh.medians();
        Map<String, Double> f = fresh.medians();
        int c = BenchEnv.DEFAULT_CONCURRENCY;
        Map<String, SortedMap<Integer, Double>> series = new LinkedHashMap<>();
        series.put("raw SDK loop, warm", BenchSuite.curve(m, "GetBatchConcurrencyBench.rawGetBatch@", ",mem20"));
        series.put("ours, warm", BenchSuite.curve(m, "GetBatchConcurrencyBench.getBatch@", ",mem20"));
        series.put("ours, fresh JVM", BenchSuite.curve(f, "fresh.ours.getBatch@", ".first"));
        SortedMap<Integer, Double> ideals = new TreeMap<>();
        for (int i = 1; i <= CONCURRENCIES[CONCURRENCIES.length - 1]; i *= 2) {
            ideals.put(i, 1000.0 * BenchEnv.LATENCY.toMillis() / i);
        }
        series.put("ideal: 1000 × 20 ms ÷ c", ideals);
        Map<String, Double> references = new LinkedHashMap<>();
        references.put("Alchemy, warm (50 sockets)", alchemy.get("s3-mem20.getBatch"));
        references.put("Alchemy, fresh process", f.get("fresh.alchemy.getBatch.first"));
        Chart.draw("getBatch(1000), in-memory S3 answering after 20 ms: time against concurrency", series,
                references, out.resolve("latency-concurrency.png"));
        Map<String, SortedMap<Integer, Double>> cpuSeries = new LinkedHashMap<>();
        cpuSeries.put("ours: client CPU per getBatch, warm", BenchSuite.curve(jmh.cpu(),
                "GetBatchConcurrencyBench.getBatch@", ",mem20"));
        cpuSeries.put("raw: client CPU per getBatch, warm", BenchSuite.curve(jmh.cpu(),
                "GetBatchConcurrencyBench.rawGetBatch@", ",mem20"));
        StringBuilder md = new StringBuilder()
                .append("In-memory S3 endpoint, 20 ms per request. Run: ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME))
                .append(quick ? " (quick: one short iteration each, numbers only show that it runs)" : "")
                .append("\n\nMachine: ").append(Machine.describe())
                .append("\n\nLoad average (1, 5, 15 min) before: ").append(loadBefore)
                .append("; after: ").append(Machine.load())
                .append("\n\nDefault maxConcurrency: ").append(c).append("\n\nWarm (medians):\n\n")
                .append(LatencyTables.warm(m, alchemy))
                .append(alchemyFailure == null ? "" : "\nAlchemy not measured: " + alchemyFailure + "\n")
                .append("\nFresh processes, first call after open (medians):\n\n").append(LatencyTables.fresh(f))
                .append("\nClient CPU (medians):\n\n")
                .append(LatencyTables.cpu(clientCpu, jmh.cpu(), alchemy, serverMicros))
                .append("\ngetBatch(1000) against concurrency (medians, ms):\n\n")
                .append(LatencyTables.concurrency(series))
                .append("\nClient CPU per getBatch(1000) against concurrency (medians, ms):\n\n")
                .append(LatencyTables.concurrency(cpuSeries))
                .append("\nHeap held by `all()` over 10,000 × 2 KB (the endpoint without latency, default "
                        + "concurrency; live heap at full collections):\n\n").append(held)
                .append("\nEvery median (ms):\n\n");
        m.forEach((k, v) -> md.append(String.format("- %s: %.4f%n", k, v)));
        jmh.cpu().forEach((k, v) -> md.append(String.format("- %s CPU per call: %.4f%n", k, v)));
        alchemy.forEach((k, v) -> md.append(String.format("- alchemy %s: %.4f%n", k, v)));
        clientCpu.forEach((k, v) -> md.append(String.format("- ClientCpu %s: %.1f per 1,000 GETs%n", k, v)));
        md.append("\nEvery fresh-process sample (ms), in the order taken:\n\n");
        fresh.samples().forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        Files.writeString(out.resolve("latency.md"), md, StandardCharsets.UTF_8);
        System.out.println("\n" + md + "\nWritten: " + out.resolve("latency.md") + ", "
                + out.resolve("latency-concurrency.png"));
    }
}
