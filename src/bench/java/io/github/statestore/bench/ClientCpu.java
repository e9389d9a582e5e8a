package io.github.statestore.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The client's CPU time per 1,000 GETs, in a JVM of its own that holds nothing but the client: after a JIT
 * warm-up of {@code args[0]} seconds on the endpoint without latency and a quarter of that of batch reads on
 * the endpoint at 20 ms (see {@link JitWarmup} for why), {@value #ROUNDS} rounds, each of one
 * {@code getBatch(1000)} by our store and one by the raw SDK loop (both at the default concurrency), then
 * {@value #SINGLE_BLOCKS} blocks of {@value #SINGLES} single {@code get}s in turn, ours and raw alternately,
 * all on the endpoint at 20 ms. For each, the process's CPU time (every thread) and the part of it the JIT's
 * compiler threads spent (read from {@code /proc/self/task}; zero where that is not readable). Prints one
 * JSON line of medians in milliseconds, per 1,000 GETs. Run by {@link MemoryS3Suite}; not thread-safe.
 */
public final class ClientCpu {
    private static final int ROUNDS = 10;
    private static final int SINGLE_BLOCKS = 4;
    private static final int SINGLES = 50;

    private ClientCpu() {
    }

    /** @param args seconds of JIT warm-up */
    public static void main(String[] args) throws Exception {
        Duration warmUp = Duration.ofSeconds(Long.parseLong(args[0]));
        int c = BenchEnv.DEFAULT_CONCURRENCY;
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        S3SingleBench warmSingle = S3SingleBench.opened("mem");
        try (BatchFixture twin = new BatchFixture("mem", BenchEnv.K1000, c)) {
            long end = System.nanoTime() + warmUp.toNanos();
            while (System.nanoTime() < end) {
                twin.getBatch();
                twin.rawGetBatch();
                for (int i = 0; i < SINGLES; i++) {
                    warmSingle.get();
                    warmSingle.rawGetParsed();
                }
            }
        } finally {
            warmSingle.close();
        }
        S3SingleBench single = S3SingleBench.opened("mem20");
        try (BatchFixture batch = new BatchFixture("mem20", BenchEnv.K1000, c)) {
            long end = System.nanoTime() + warmUp.toNanos() / 4;
            while (System.nanoTime() < end) {
                batch.getBatch();
                batch.rawGetBatch();
            }
            for (int i = 0; i < ROUNDS; i++) {
                measure(cpu, "oursBatch", 1, 1000, batch::getBatch);
                measure(cpu, "rawBatch", 1, 1000, batch::rawGetBatch);
            }
            for (int i = 0; i < SINGLE_BLOCKS; i++) {
                measure(cpu, "oursGet", SINGLES, 1, single::get);
                measure(cpu, "rawGet", SINGLES, 1, single::rawGetParsed);
            }
        } finally {
            single.close();
        }
        StringBuilder json = new StringBuilder("{");
        cpu.forEach((name, values) -> json.append(json.length() > 1 ? ", " : "").append('"').append(name)
                .append("\": ").append(String.format(Locale.ROOT, "%.3f", FreshRuns.median(values))));
        System.out.println(json.append('}'));
        System.exit(0);
    }

    /**
     * Calls {@code call} {@code times} times; keeps the process's and the JIT's CPU per 1,000 GETs, in
     * milliseconds.
     */
    private static void measure(Map<String, List<Double>> cpu, String name, int times, int getsPerCall,
            Supplier<?> call) throws IOException {
        long jitBefore = jitNanos();
        long before = Machine.processCpuNanos();
        for (int i = 0; i < times; i++) {
            call.get();
        }
        double perThousandGets = 1000.0 / ((double) times * getsPerCall) / 1e6;
        cpu.computeIfAbsent(name, k -> new ArrayList<>())
                .add((Machine.processCpuNanos() - before) * perThousandGets);
        cpu.computeIfAbsent(name + "Jit", k -> new ArrayList<>()).add((jitNanos() - jitBefore) * perThousandGets);
    }

    /**
     * The CPU time of this JVM's JIT compiler threads, from {@code /proc/self/task} (in clock ticks of 10 ms),
     * in nanoseconds.
     */
    private static long jitNanos() throws IOException {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return 0;
        }
        long ticks = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                String stat = Files.readString(thread.resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.contains("CompilerThre")) {
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
        }
        return ticks * 10_000_000L;
    }
}
