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
 * {@code getBatch} of 1,000 keys at 20 ms per request at each {@code maxConcurrency} of the charts in
 * {@code docs/performance.md}, against the raw SDK loop at the same concurrency; the ideal is
 * 1,000 × 20 ms ÷ concurrency. The endpoint is the 20 ms latency proxy in front of S3Proxy ({@code slow}),
 * or the in-memory endpoint that answers 20 ms after each request ({@code mem20}). One call is one
 * operation. {@link BenchSuite} runs concurrency 1, where one call takes over 20 s and is bound by latency
 * alone, with a single measured call.
 */
@org.openjdk.jmh.annotations.State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 3)
@Fork(1)
public class GetBatchConcurrencyBench {
    @Param({"1", "4", "8", "16", "32", "64"})
    int concurrency;

    @Param({"slow"})
    String endpoint;

    private BatchFixture fixture;

    @Setup
    public void open(BenchmarkParams params) {
        fixture = new BatchFixture(endpoint, BenchEnv.K1000, concurrency);
        JitWarmup.run(params, endpoint, fixture, e -> new BatchFixture(e, BenchEnv.K1000, concurrency),
                BatchFixture::close);
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
}
