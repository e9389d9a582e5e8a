package io.github.statestore.bench;

import io.github.statestore.StateStore;
import java.util.List;
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
 * {@code list()} of a scope of 10,000 keys against the same paginated ListObjectsV2 calls with the raw SDK
 * (ten pages of 1,000): S3Proxy directly, and through the 20 ms latency proxy.
 */
@org.openjdk.jmh.annotations.State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class S3ListBench {
    @Param({"direct", "slow"})
    String endpoint;

    private StateStore store;
    private S3Client raw;
    private String bucket;
    private String prefix;

    @Setup
    public void open(BenchmarkParams params) {
        open();
        JitWarmup.run(params, endpoint, this, S3ListBench::opened, S3ListBench::close);
    }

    private static S3ListBench opened(String endpoint) {
        S3ListBench bench = new S3ListBench();
        bench.endpoint = endpoint;
        bench.open();
        return bench;
    }

    private void open() {
        store = BenchEnv.store(endpoint, BenchEnv.K10000, BenchEnv.DEFAULT_CONCURRENCY);
        raw = BenchEnv.rawClient(BenchEnv.endpoint(endpoint), BenchEnv.DEFAULT_CONCURRENCY);
        bucket = BenchEnv.bucket();
        prefix = BenchEnv.scopePrefix(BenchEnv.K10000);
    }

    @TearDown
    public void close() {
        store.close();
        raw.close();
    }

    @Benchmark
    public List<String> list() {
        return store.list();
    }

    @Benchmark
    public List<String> rawList() {
        return RawS3.list(raw, bucket, prefix);
    }
}
