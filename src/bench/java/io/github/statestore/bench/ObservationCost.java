package io.github.statestore.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link ObservationCostBench} alone and prints the ratios of its targets: {@code get / bareGet} (the
 * cost of watching with no registry), {@code handledGet / get} (the Observation API's own cost),
 * {@code timedGet / get} and {@code observedGet / get} (the cost with Micrometer's default meter handler,
 * without and with its long task timer), as medians of per-round ratios with their quartiles, which show the
 * noise. Two ways, because the machine is shared:
 * <ul>
 *   <li>{@code jmh [rounds]} (default 8 rounds): JMH, each benchmark in a forked JVM of its own, one after
 *       another in an order that rotates each round, so that load drifting over minutes weighs on them all
 *       alike; wall-clock time.</li>
 *   <li>{@code cpu [rounds]} (default 300): the five calls in one JVM, after a warm-up, in blocks of
 *       {@value #BLOCK} calls that take turns in a rotating order, each block timed by this thread's CPU time
 *       (user and system) and by the wall clock. Blocks last milliseconds, so other processes' load, which
 *       moves over seconds, falls on them all alike, and CPU time leaves out the time the thread waited
 *       for a core. One JVM takes every path, so the store's unobserved path is compiled with the
 *       observed one beside it: if anything, that counts against {@code get}.</li>
 * </ul>
 * {@code quick} runs one short JMH round, to check that it runs. Not thread-safe; run from {@code main}.
 */
public final class ObservationCost {
    private static final int BLOCK = 200;
    private static final List<String> NAMES = List.of("bareGet", "get", "handledGet", "timedGet", "observedGet");

    private ObservationCost() {
    }

    /**
     * @param args {@code jmh [rounds]}, {@code cpu [rounds]} or {@code quick}
     */
    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "jmh";
        Integer rounds = args.length > 1 ? Integer.valueOf(args[1]) : null;
        Map<String, Map<String, List<Double>>> scores = switch (mode) {
            case "quick" -> Map.of("wall us/op", jmh(1, true));
            case "jmh" -> Map.of("wall us/op", jmh(rounds == null ? 8 : rounds, false));
            case "cpu" -> interleaved(rounds == null ? 300 : rounds);
            default -> throw new IllegalArgumentException("mode must be jmh, cpu or quick, was " + mode);
        };
        System.out.println();
        scores.forEach((unit, byName) -> {
            byName.forEach((name, values) -> System.out.printf(Locale.ROOT, "%-12s %-11s median %9.3f over %d rounds%n",
                    name, unit, median(values), values.size()));
            report(unit + ": get / bareGet", ratios(byName.get("get"), byName.get("bareGet")), "no measurable cost");
            report(unit + ": handledGet / get", ratios(byName.get("handledGet"), byName.get("get")), "under 1.05");
            report(unit + ": timedGet / get", ratios(byName.get("timedGet"), byName.get("get")), "under 1.05");
            report(unit + ": observedGet / get", ratios(byName.get("observedGet"), byName.get("get")), "under 1.05");
        });
        System.exit(0);
    }

    private static Map<String, List<Double>> jmh(int rounds, boolean quick) throws RunnerException {
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < NAMES.size(); i++) {
                String name = NAMES.get((round + i) % NAMES.size());
                ChainedOptionsBuilder options = new OptionsBuilder()
                        .include("\\." + ObservationCostBench.class.getSimpleName() + "\\." + name + "$");
                if (quick) {
                    options.warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.seconds(1));
                }
                RunResult result = new Runner(options.build()).runSingle();
                scores.computeIfAbsent(name, n -> new ArrayList<>()).add(result.getPrimaryResult().getScore());
            }
        }
        return scores;
    }

    private static Map<String, Map<String, List<Double>>> interleaved(int rounds) throws IOException {
        ObservationCostBench bench = new ObservationCostBench();
        bench.open();
        try {
            Map<String, Supplier<Object>> calls = new LinkedHashMap<>();
            calls.put("bareGet", bench::bareGet);
            calls.put("get", bench::get);
            calls.put("handledGet", bench::handledGet);
            calls.put("timedGet", bench::timedGet);
            calls.put("observedGet", bench::observedGet);
            Map<String, List<Double>> cpu = new LinkedHashMap<>();
            Map<String, List<Double>> wall = new LinkedHashMap<>();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            int sink = 0;
            for (int round = -rounds / 3; round < rounds; round++) {
                for (int i = 0; i < NAMES.size(); i++) {
                    String name = NAMES.get(Math.floorMod(round + i, NAMES.size()));
                    Supplier<Object> call = calls.get(name);
                    long cpuStart = threads.getCurrentThreadCpuTime();
                    long wallStart = System.nanoTime();
                    for (int n = 0; n < BLOCK; n++) {
                        sink += call.get().hashCode();
                    }
                    if (round >= 0) {
                        cpu.computeIfAbsent(name, k -> new ArrayList<>())
                                .add((threads.getCurrentThreadCpuTime() - cpuStart) / 1e3 / BLOCK);
                        wall.computeIfAbsent(name, k -> new ArrayList<>())
                                .add((System.nanoTime() - wallStart) / 1e3 / BLOCK);
                    }
                }
            }
            System.out.println("(result hash " + sink + ")");
            Map<String, Map<String, List<Double>>> scores = new LinkedHashMap<>();
            scores.put("cpu us/op", cpu);
            scores.put("wall us/op", wall);
            return scores;
        } finally {
            bench.close();
        }
    }

    private static List<Double> ratios(List<Double> a, List<Double> b) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            ratios.add(a.get(i) / b.get(i));
        }
        return ratios;
    }

    private static void report(String what, List<Double> ratios, String target) {
        List<Double> sorted = ratios.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "%-30s median %.3f, quartiles %.3f to %.3f (target: %s)%n", what,
                median(ratios), sorted.get(sorted.size() / 4), sorted.get(sorted.size() * 3 / 4), target);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
