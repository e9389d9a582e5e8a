package io.github.statestore.bench;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmark classes of this package, in forked JVMs (as many as each class's {@code @Fork}
 * says) that are told where the servers and data are, and keeps the median of each benchmark's iterations
 * in milliseconds (and, for the allocation benchmark, the bytes allocated per call), under names such as
 * {@code S3SingleBench.get@direct}. Not thread-safe.
 */
final class JmhRuns {
    private static final int LOCK_RETRY_SECONDS = 20;
    private static final int LOCK_WAIT_MINUTES = 120;
    private final List<String> jvmArgs;
    private final boolean quick;
    private final Path out;
    private final Map<String, Double> medians = new LinkedHashMap<>();
    private final Map<String, Double> allocations = new LinkedHashMap<>();
    private final Map<String, Double> cpu = new LinkedHashMap<>();

    /**
     * @param jvmArgs the {@code -D} settings of {@link BenchEnv} for the forked JVMs
     * @param quick one short iteration each, to check that everything runs; the numbers mean little
     * @param out where JMH's own JSON results are written
     */
    JmhRuns(List<String> jvmArgs, boolean quick, Path out) {
        this.jvmArgs = jvmArgs;
        this.quick = quick;
        this.out = out;
    }

    /**
     * Runs one benchmark class.
     *
     * @param benchmark the class
     * @param gc whether to add JMH's {@code gc} profiler
     * @param params JMH parameters to narrow, as name, values, name, values...
     */
    void run(Class<?> benchmark, boolean gc, String... params) throws RunnerException {
        ChainedOptionsBuilder options = options(benchmark, "", params);
        if (gc) {
            options.addProfiler(GCProfiler.class);
        }
        runShortIfQuick(options);
    }

    /**
     * Runs one benchmark class on the in-memory endpoint at 20 ms ({@code endpoint=mem20}) with
     * {@link ProcessCpuProfiler}; its JSON results go to {@code jmh-<class>-mem20.json}.
     *
     * @param benchmark the class, which has an {@code endpoint} parameter
     * @param params further JMH parameters to narrow, as name, values, name, values...
     */
    void runOnMemoryS3(Class<?> benchmark, String... params) throws RunnerException {
        String[] all = new String[params.length + 2];
        all[0] = "endpoint";
        all[1] = "mem20";
        System.arraycopy(params, 0, all, 2, params.length);
        ChainedOptionsBuilder options = options(benchmark, "-mem20", all);
        options.addProfiler(ProcessCpuProfiler.class);
        runShortIfQuick(options);
    }

    private void runShortIfQuick(ChainedOptionsBuilder options) throws RunnerException {
        if (quick) {
            options.warmupIterations(0).measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(500));
        }
        collect(runWhenFree(options));
    }

    /**
     * Runs one benchmark class with a single measured call and no warm-up, for calls so long and so bound
     * by latency that the JIT does not matter.
     *
     * @param benchmark the class
     * @param params JMH parameters to narrow, as name, values, name, values...
     */
    void runOnce(Class<?> benchmark, String... params) throws RunnerException {
        collect(runWhenFree(options(benchmark, "-once", params).warmupIterations(0).measurementIterations(1)));
    }

    /**
     * Runs JMH once no other JMH run on this machine holds its lock (another checkout's benchmarks, say):
     * waits and tries again, every {@value #LOCK_RETRY_SECONDS} s for at most {@value #LOCK_WAIT_MINUTES}
     * minutes, rather than measuring beside it.
     */
    private static Collection<RunResult> runWhenFree(ChainedOptionsBuilder options) throws RunnerException {
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(LOCK_WAIT_MINUTES);
        while (true) {
            try {
                return new Runner(options.build()).run();
            } catch (RunnerException e) {
                if (e.getMessage() == null || !e.getMessage().contains("JMH lock") || System.nanoTime() > giveUp) {
                    throw e;
                }
                System.out.println("Another JMH run holds the machine's lock; trying again in " + LOCK_RETRY_SECONDS
                        + " s");
                sleep();
            }
        }
    }

    private static void sleep() throws RunnerException {
        try {
            Thread.sleep(TimeUnit.SECONDS.toMillis(LOCK_RETRY_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunnerException("interrupted while waiting for JMH's lock", e);
        }
    }

    private ChainedOptionsBuilder options(Class<?> benchmark, String resultSuffix, String... params) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("\\." + benchmark.getSimpleName() + "\\.")
                .jvmArgsAppend(jvmArgs.toArray(String[]::new))
                .resultFormat(ResultFormatType.JSON)
                .result(out.resolve("jmh-" + benchmark.getSimpleName() + resultSuffix + ".json").toString());
        for (int i = 0; i + 1 < params.length; i += 2) {
            options.param(params[i], params[i + 1].split(","));
        }
        return options;
    }

    private void collect(Collection<RunResult> results) {
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark();
            String name = method.substring(method.lastIndexOf('.', method.lastIndexOf('.') - 1) + 1);
            Map<String, String> params = new TreeMap<>();
            r.getParams().getParamsKeys().forEach(k -> params.put(k, r.getParams().getParam(k)));
            String key = name + (params.isEmpty() ? "" : "@" + String.join(",", params.values()));
            Result<?> primary = r.getPrimaryResult();
            medians.put(key, primary.getStatistics().getPercentile(50) * toMillis(primary.getScoreUnit()));
            r.getSecondaryResults().forEach((label, result) -> {
                if (label.endsWith("gc.alloc.rate.norm")) {
                    allocations.put(key, result.getScore());
                } else if (label.equals(ProcessCpuProfiler.LABEL)) {
                    cpu.put(key, result.getStatistics().getPercentile(50));
                }
            });
        }
    }

    private static double toMillis(String unit) {
        return switch (unit.substring(0, unit.indexOf('/'))) {
            case "s" -> 1e3;
            case "ms" -> 1;
            case "us" -> 1e-3;
            case "ns" -> 1e-6;
            default -> throw new IllegalStateException("unexpected unit " + unit);
        };
    }

    /** @return each benchmark's median, in milliseconds */
    Map<String, Double> medians() {
        return medians;
    }

    /** @return the client JVM's CPU time per call of each benchmark run with {@link ProcessCpuProfiler}, ms */
    Map<String, Double> cpu() {
        return cpu;
    }

    /** @return each profiled benchmark's allocation, in bytes per call */
    Map<String, Double> allocations() {
        return allocations;
    }
}
