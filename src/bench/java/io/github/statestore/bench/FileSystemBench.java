package io.github.statestore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.statestore.StateStore;
import io.github.statestore.fs.FileSystemConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The FileSystem store: a durable {@code set} (temp file, fsync, rename, directory fsync, under the scope
 * lock) against the same steps by hand, with and without the directory fsync; {@code get} against reading
 * and parsing the file with Jackson; {@code all()} over 1,000 entries against reading and parsing every file
 * of the directory. Reads use the data {@link BenchSuite} seeded; writes go to a directory of their own,
 * deleted afterwards.
 */
@org.openjdk.jmh.annotations.State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FileSystemBench {
    private StateStore one;
    private StateStore many;
    private StateStore writer;
    private Path writes;
    private Path rawTarget;
    private Path oneFile;
    private Path manyDir;
    private io.github.statestore.State state;
    private byte[] body;

    @Setup
    public void open() throws IOException {
        Path root = BenchEnv.fsRoot();
        FileSystemConfig seeded = FileSystemConfig.builder().root(root).build();
        one = seeded.open(BenchEnv.ONE);
        many = seeded.open(BenchEnv.K1000);
        writes = Files.createTempDirectory(root.getParent(), "fs-writes-");
        writer = FileSystemConfig.builder().root(writes.resolve("ours")).build().open(BenchEnv.ONE);
        writer.init();
        rawTarget = Files.createDirectories(writes.resolve("raw")).resolve(BenchEnv.WRITTEN_KEY + ".json");
        oneFile = root.resolve("bench/one/" + BenchEnv.ONE_KEY + ".json");
        manyDir = root.resolve("bench/k1000");
        state = Documents.state(0);
        body = state.toJsonBytes();
    }

    @TearDown
    public void close() throws IOException {
        one.close();
        many.close();
        writer.close();
        BenchSuite.deleteTree(writes);
    }

    @Benchmark
    public void set() {
        writer.set(BenchEnv.WRITTEN_KEY, state);
    }

    @Benchmark
    public void rawSet() throws IOException {
        RawFiles.durableWrite(rawTarget, body, false);
    }

    @Benchmark
    public void rawSetDirSync() throws IOException {
        RawFiles.durableWrite(rawTarget, body, true);
    }

    @Benchmark
    public io.github.statestore.State get() {
        return one.get(BenchEnv.ONE_KEY).orElseThrow();
    }

    @Benchmark
    public JsonNode rawGet() throws IOException {
        return RawFiles.read(oneFile);
    }

    @Benchmark
    public Map<String, io.github.statestore.State> all() {
        return many.all();
    }

    @Benchmark
    public List<JsonNode> rawAll() throws IOException {
        return RawFiles.readAll(manyDir);
    }
}
