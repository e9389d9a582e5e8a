package io.github.statestore.bench;

import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that reports the benchmark JVM's own CPU time per operation ({@value #LABEL}, milliseconds):
 * the process's CPU time (every thread: the benchmark's, the store's or the raw loop's pool, the HTTP
 * client's, the garbage collector's and the JIT's) over each iteration, divided by its operations. The JVM
 * holds only the client, so this is the client's CPU. Runs in the forked JVM; not thread-safe.
 */
public final class ProcessCpuProfiler implements InternalProfiler {
    /** The label of its result. */
    static final String LABEL = "cpu.per.op";

    private long before;

    @Override
    public String getDescription() {
        return "process CPU time per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before = Machine.processCpuNanos();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        long used = Machine.processCpuNanos() - before;
        long ops = Math.max(1, result.getMetadata().getMeasuredOps());
        return List.of(new ScalarResult(LABEL, used / 1e6 / ops, "ms/op", AggregationPolicy.AVG));
    }
}
