package io.github.statestore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.statestore.StateStore;
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
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A single {@code get} and {@code set} of a 2 KB state, against one GetObject (with and without Jackson
 * parsing the body, as our {@code get} parses it) and one PutObject of the same bytes with the raw SDK:
 * S3Proxy directly, and through the 20 ms latency proxy.
 */
@org.openjdk.jmh.annotations.State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(1)
public class S3SingleBench {
    @Param({"direct", "slow"})
    String endpoint;

    private StateStore store;
    private S3Client raw;
    private String bucket;
    private io.github.statestore.State state;
    private byte[] body;

    @Setup
    public void open(BenchmarkParams params) {
        open();
        JitWarmup.run(params, endpoint, this, S3SingleBench::opened, S3SingleBench::close);
    }

    /** {@return this benchmark's state, opened on an endpoint, for use outside JMH} */
    static S3SingleBench opened(String endpoint) {
        S3SingleBench bench = new S3SingleBench();
        bench.endpoint = endpoint;
        bench.open();
        return bench;
    }

    private void open() {
        store = BenchEnv.store(endpoint, BenchEnv.ONE, BenchEnv.DEFAULT_CONCURRENCY);
        raw = BenchEnv.rawClient(BenchEnv.endpoint(endpoint), BenchEnv.DEFAULT_CONCURRENCY);
        bucket = BenchEnv.bucket();
        state = Documents.state(0);
        body = state.toJsonBytes();
    }

    @TearDown
    public void close() {
        store.close();
        raw.close();
    }

    @Benchmark
    public io.github.statestore.State get() {
        return store.get(BenchEnv.ONE_KEY).orElseThrow();
    }

    @Benchmark
    public byte[] rawGet() {
        return RawS3.get(raw, bucket, BenchEnv.scopePrefix(BenchEnv.ONE) + BenchEnv.ONE_KEY);
    }

    @Benchmark
    public JsonNode rawGetParsed() {
        return RawS3.parse(rawGet());
    }

    @Benchmark
    public void set() {
        store.set(BenchEnv.WRITTEN_KEY, state);
    }

    @Benchmark
    public Object rawSet() {
        return RawS3.put(raw, bucket, BenchEnv.scopePrefix(BenchEnv.ONE) + BenchEnv.WRITTEN_KEY, body);
    }
}
