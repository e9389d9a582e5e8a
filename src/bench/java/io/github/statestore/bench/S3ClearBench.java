package io.github.statestore.bench;

import io.github.statestore.StateStore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code clear()} of a scope of 10,000 keys against a raw paginated listing plus a DeleteObjects call per
 * 1,000 keys: S3Proxy directly, and through the 20 ms latency proxy. The scope is refilled, directly and
 * unmeasured, before each operation; refilling 10,000 objects takes far longer than clearing them, hence
 * so few iterations.
 */
@org.openjdk.jmh.annotations.State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(1)
public class S3ClearBench {
    @Param({"direct", "slow"})
    String endpoint;

    private StateStore store;
    private S3Client raw;
    private S3Client filler;
    private String bucket;

    @Setup
    public void open() {
        store = BenchEnv.store(endpoint, BenchEnv.CLEAR, BenchEnv.DEFAULT_CONCURRENCY);
        raw = BenchEnv.rawClient(BenchEnv.endpoint(endpoint), BenchEnv.DEFAULT_CONCURRENCY);
        filler = BenchEnv.rawClient(BenchEnv.endpoint("direct"), BenchEnv.DEFAULT_CONCURRENCY);
        bucket = BenchEnv.bucket();
    }

    @Setup(Level.Iteration)
    public void fill() {
        Seeder.put(filler, bucket, BenchEnv.CLEAR, Documents.keys(10_000));
    }

    @TearDown
    public void close() {
        store.close();
        raw.close();
        filler.close();
    }

    @Benchmark
    public void clear() {
        store.clear();
    }

    @Benchmark
    public void rawClear() {
        RawS3.clear(raw, bucket, BenchEnv.scopePrefix(BenchEnv.CLEAR));
    }
}
