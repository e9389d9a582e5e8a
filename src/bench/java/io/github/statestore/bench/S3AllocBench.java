package io.github.statestore.bench;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * {@code all()} over 10,000 entries of 2 KB against a raw listing plus GetObject and Jackson parsing of
 * every document, both at our default concurrency, on S3Proxy directly. {@link BenchSuite} runs it with JMH's
 * {@code gc} profiler: what matters here is {@code gc.alloc.rate.norm}, the bytes allocated per call.
 */
@org.openjdk.jmh.annotations.State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class S3AllocBench {
    private BatchFixture fixture;

    @Setup
    public void open(BenchmarkParams params) {
        fixture = new BatchFixture("direct", BenchEnv.K10000, BenchEnv.DEFAULT_CONCURRENCY);
        JitWarmup.run(params, "direct", fixture,
                e -> new BatchFixture(e, BenchEnv.K10000, BenchEnv.DEFAULT_CONCURRENCY), BatchFixture::close);
    }

    @TearDown
    public void close() {
        fixture.close();
    }

    @Benchmark
    public Map<String, io.github.statestore.State> all() {
        return fixture.all();
    }

    @Benchmark
    public List<JsonNode> rawAll() {
        return fixture.rawAll();
    }
}
