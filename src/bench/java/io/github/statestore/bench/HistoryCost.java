package io.github.statestore.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link HistoryCostBench} and reports what history costs a {@code set}: for the FileSystem and S3, the
 * median time of a set with history off and with {@code keepVersions(10)}, and the median of the per-round
 * ratios on / off with their quartiles, which show the noise. Two ways, because the machine is shared:
 * <ul>
 *   <li>{@code blocks [rounds]} (the default, 150 rounds): the four stores in one JVM, after a warm-up, in
 *       blocks of {@value #BLOCK} sets that take turns in a rotating order, each block timed by the wall clock
 *       (a set waits for fsyncs and for S3Proxy, so CPU time would leave most of it out). Blocks last tens of
 *       milliseconds, so load that moves over seconds falls on both sides of a ratio alike.</li>
 *   <li>{@code jmh [rounds]} (default 3 rounds): JMH, each of the four in a forked JVM of its own, round after
 *       round in a rotating order; each run waits while another benchmark holds JMH's lock. The check to run
 *       on a quiet machine.</li>
 * </ul>
 * {@code quick} runs one short JMH round, to check that it runs. Writes {@code target/bench/history-cost.md}.
 * Start it with {@code mvn -B -Pbench test-compile exec:exec -Dbench.main=io.github.statestore.bench.HistoryCost
 * -Dbench.args=blocks}. Not thread-safe; run from {@code main}.
 */
public final class HistoryCost {
    private static final int BLOCK = 20;
    /** How long to wait before trying again when another JMH run (another benchmark) holds JMH's lock. */
    private static final int LOCK_PAUSE_SECONDS = 30;
    private static final List<String> RUNS = List.of("fs,off", "fs,on", "s3,off", "s3,on");

    private HistoryCost() {
    }

    /** @param args {@code blocks [rounds]}, {@code jmh [rounds]} or {@code quick} */
    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "blocks";
        Integer rounds = args.length > 1 ? Integer.valueOf(args[1]) : null;
        String loadBefore = Machine.load();
        Map<String, List<Double>> scores = switch (mode) {
            case "quick" -> jmh(1, true);
            case "jmh" -> jmh(rounds == null ? 3 : rounds, false);
            case "blocks" -> blocks(rounds == null ? 150 : rounds);
            default -> throw new IllegalArgumentException("mode must be blocks, jmh or quick, was " + mode);
        };
        StringBuilder md = new StringBuilder("Machine: ").append(Machine.describe()).append("; load before: ")
                .append(loadBefore).append("; ").append(mode).append(", ")
                .append(scores.get(RUNS.get(0)).size()).append(" rounds\n\n")
                .append("| backend | set, history off | set, keepVersions(10) | on / off (quartiles) |\n")
                .append("|---|---|---|---|\n");
        for (String backend : List.of("fs", "s3")) {
            List<Double> off = scores.get(backend + ",off");
            List<Double> on = scores.get(backend + ",on");
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < off.size(); i++) {
                ratios.add(on.get(i) / off.get(i));
            }
            List<Double> sorted = ratios.stream().sorted().toList();
            md.append(String.format(Locale.ROOT, "| %s | %.0f us | %.0f us | %.2f (%.2f to %.2f) |%n",
                    backend.equals("fs") ? "FileSystem" : "S3 (S3Proxy in the JVM)", median(off), median(on),
                    median(ratios), sorted.get(sorted.size() / 4), sorted.get(sorted.size() * 3 / 4)));
        }
        md.append("\nLoad after: ").append(Machine.load()).append('\n');
        Path out = Path.of("target", "bench", "history-cost.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md, StandardCharsets.UTF_8);
        System.out.println("\n" + md + "\nWritten: " + out);
        System.exit(0);
    }

    private static Map<String, List<Double>> blocks(int rounds) throws Exception {
        Map<String, HistoryCostBench> benches = new LinkedHashMap<>();
        try {
            for (String run : RUNS) {
                HistoryCostBench bench = new HistoryCostBench();
                bench.backend = run.split(",")[0];
                bench.history = run.split(",")[1];
                bench.open();
                benches.put(run, bench);
            }
            Map<String, List<Double>> micros = new LinkedHashMap<>();
            for (int round = -rounds / 3; round < rounds; round++) {
                for (int i = 0; i < RUNS.size(); i++) {
                    String run = RUNS.get(Math.floorMod(round + i, RUNS.size()));
                    HistoryCostBench bench = benches.get(run);
                    long start = System.nanoTime();
                    for (int n = 0; n < BLOCK; n++) {
                        bench.set();
                    }
                    if (round >= 0) {
                        micros.computeIfAbsent(run, r -> new ArrayList<>())
                                .add((System.nanoTime() - start) / 1e3 / BLOCK);
                    }
                }
            }
            return micros;
        } finally {
            for (HistoryCostBench bench : benches.values()) {
                bench.close();
            }
        }
    }

    private static Map<String, List<Double>> jmh(int rounds, boolean quick) throws Exception {
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < RUNS.size(); i++) {
                String run = RUNS.get((round + i) % RUNS.size());
                scores.computeIfAbsent(run, r -> new ArrayList<>()).add(measure(run, quick));
            }
        }
        return scores;
    }

    /**
     * One JMH run of the benchmark with one backend and history setting; its score in microseconds. While
     * another JMH run holds the machine's JMH lock (a benchmark of another checkout), it waits its turn.
     */
    private static double measure(String run, boolean quick) throws RunnerException, InterruptedException {
        String[] params = run.split(",");
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("\\." + HistoryCostBench.class.getSimpleName() + "\\.set$")
                .param("backend", params[0])
                .param("history", params[1])
                .jvmArgsAppend("-Djmh.shutdownTimeout=1");
        if (quick) {
            options.warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.seconds(1));
        }
        while (true) {
            try {
                RunResult result = new Runner(options.build()).runSingle();
                return result.getPrimaryResult().getScore();
            } catch (RunnerException e) {
                if (!String.valueOf(e.getMessage()).contains("JMH lock")) {
                    throw e;
                }
                System.out.println("Another JMH run holds the machine; waiting " + LOCK_PAUSE_SECONDS + " s");
                Thread.sleep(LOCK_PAUSE_SECONDS * 1000L);
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
