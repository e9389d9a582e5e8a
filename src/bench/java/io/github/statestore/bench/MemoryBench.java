package io.github.statestore.bench;

import io.github.statestore.StateStore;
import io.github.statestore.memory.MemoryConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-memory store, the in-process ceiling: what validation, JSON and ordering cost without any I/O, on
 * the same workloads as the S3 benchmarks. Needs no server, so the smoke test runs it.
 */
@org.openjdk.jmh.annotations.State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class MemoryBench {
    private StateStore one;
    private StateStore k1000;
    private StateStore k10000;
    private List<String> keys;
    private io.github.statestore.State state;

    @Setup
    public void open() {
        MemoryConfig config = new MemoryConfig();
        one = config.open(BenchEnv.ONE);
        k1000 = config.open(BenchEnv.K1000);
        k10000 = config.open(BenchEnv.K10000);
        state = Documents.state(0);
        one.set(BenchEnv.ONE_KEY, state);
        keys = Documents.keys(1000);
        for (int i = 0; i < keys.size(); i++) {
            k1000.set(keys.get(i), Documents.state(i));
        }
        List<String> many = Documents.keys(10_000);
        for (int i = 0; i < many.size(); i++) {
            k10000.set(many.get(i), state);
        }
    }

    @TearDown
    public void close() {
        one.close();
        k1000.close();
        k10000.close();
    }

    @Benchmark
    public io.github.statestore.State get() {
        return one.get(BenchEnv.ONE_KEY).orElseThrow();
    }

    @Benchmark
    public void set() {
        one.set(BenchEnv.WRITTEN_KEY, state);
    }

    @Benchmark
    public Map<String, io.github.statestore.State> getBatch() {
        return k1000.getBatch(keys);
    }

    @Benchmark
    public Map<String, io.github.statestore.State> all() {
        return k1000.all();
    }

    @Benchmark
    public List<String> list() {
        return k10000.list();
    }
}
