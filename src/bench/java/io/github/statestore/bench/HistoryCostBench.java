package io.github.statestore.bench;

import io.github.statestore.HistoryPolicy;
import io.github.statestore.StateStore;
import io.github.statestore.fs.FileSystemConfig;
import io.github.statestore.s3.S3Server;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * What history costs a plain {@code set} of a 2 KB state over an existing key: on the FileSystem (a temporary
 * directory) and on S3 (S3Proxy on loopback, started in the benchmark's JVM, so its work counts too), with
 * history off and with {@code HistoryPolicy.keepVersions(10)}, in its steady state: each set keeps the version
 * it replaces and removes the oldest. With history on, a set reads the current document, lists the key's
 * history, writes the kept copy, writes the document with compare-and-set and deletes the oldest copy: on S3,
 * five requests instead of one. The data is its own, so it runs without {@link BenchSuite}: {@link HistoryCost}
 * runs it (docs/performance.md says how). JMH's state, one per benchmark run; not thread-safe.
 */
@org.openjdk.jmh.annotations.State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
public class HistoryCostBench {
    /** How many versions the history keeps when it is on. */
    static final int VERSIONS = 10;

    @Param({"fs", "s3"})
    String backend;

    @Param({"off", "on"})
    String history;

    private Path root;
    private StateStore store;
    private io.github.statestore.State[] states;
    private int next;

    /** Opens the store on new storage and writes the key once more than the history keeps. */
    @Setup
    public void open() throws IOException {
        HistoryPolicy policy = history.equals("on") ? HistoryPolicy.keepVersions(VERSIONS) : HistoryPolicy.off();
        if (backend.equals("fs")) {
            root = Files.createTempDirectory("history-cost-");
            store = FileSystemConfig.builder().root(root).history(policy).build().open(BenchEnv.ONE);
        } else {
            store = S3Server.config(S3Server.newBucket()).history(policy).build().open(BenchEnv.ONE);
        }
        states = new io.github.statestore.State[] {Documents.state(0), Documents.state(1)};
        for (int i = 0; i <= VERSIONS; i++) {
            set();
        }
    }

    /** Closes the store and deletes the directory. */
    @TearDown
    public void close() throws IOException {
        store.close();
        if (root != null) {
            BenchSuite.deleteTree(root);
        }
    }

    /** A set of one of two states, turn about, so that every set replaces other bytes. */
    @Benchmark
    public void set() {
        store.set(BenchEnv.WRITTEN_KEY, states[next++ & 1]);
    }
}
