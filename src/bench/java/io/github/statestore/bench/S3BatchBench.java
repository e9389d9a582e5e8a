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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * {@code getBatch} of 1,000 keys and {@code all()} over 1,000 entries at the default concurrency (32),
 * against a raw SDK loop on a pool of as many threads and connections (GetObject and Jackson parsing per
 * key; for {@code all()}, a paginated listing first): S3Proxy directly, and through the 20 ms latency proxy.
 * One call is one operation, after {@link JitWarmup}'s calls against S3Proxy directly.
 */
@org.openjdk.jmh.annotations.State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4)
@Measurement(iterations = 5)
@Fork(1)
public class S3BatchBench {
    @Param({"direct", "slow"})
    String endpoint;

    private BatchFixture fixture;

    @Setup
    public void open(BenchmarkParams params) {
        fixture = new BatchFixture(endpoint, BenchEnv.K1000, BenchEnv.DEFAULT_CONCURRENCY);
        JitWarmup.run(params, endpoint, fixture,
                e -> new BatchFixture(e, BenchEnv.K1000, BenchEnv.DEFAULT_CONCURRENCY), BatchFixture::close);
    }

    @TearDown
    public void close() {
        fixture.close();
    }

    @Benchmark
    public Map<String, io.github.statestore.State> getBatch() {
        return fixture.getBatch();
    }

    @Benchmark
    public List<JsonNode> rawGetBatch() {
        return fixture.rawGetBatch();
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
