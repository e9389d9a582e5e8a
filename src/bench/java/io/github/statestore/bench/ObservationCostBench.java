package io.github.statestore.bench;

import io.github.statestore.StateStore;
import io.github.statestore.fs.FileSystemConfig;
import io.github.statestore.internal.BareGets;
import io.github.statestore.observation.StoreObservation;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What observation costs on a single FileSystem {@code get} of a 2 KB document: {@code bareGet}, the read as
 * the store ran it before operations were watched ({@link BareGets}); {@code get}, a store with no registry
 * and DEBUG off (the logging config of the tests, WARN); {@code observedGet}, a store observed by a registry
 * whose handler is Micrometer's {@link DefaultMeterObservationHandler} on a {@link SimpleMeterRegistry} (a
 * timer, a long task timer and the tags per call); {@code timedGet}, the same handler told to make no long
 * task timer; {@code handledGet}, a store observed by a registry whose one handler does nothing, which leaves
 * the cost of the Observation API itself. Targets: {@code get} no slower than {@code bareGet}
 * within the noise, {@code observedGet} under 5 % above {@code get}. The data is its own, in a temporary
 * directory, so it runs without {@link BenchSuite}: {@link ObservationCost} runs it alone (docs/performance.md
 * says how). JMH's state, one per benchmark run; not thread-safe.
 */
@org.openjdk.jmh.annotations.State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(1)
public class ObservationCostBench {
    private Path root;
    private StateStore plain;
    private StateStore observed;
    private StateStore timed;
    private StateStore handled;
    private BareGets bare;

    /** Opens the stores on a new temporary directory holding one document. */
    @Setup
    public void open() throws IOException {
        root = Files.createTempDirectory("observation-cost-");
        FileSystemConfig fs = FileSystemConfig.builder().root(root).build();
        try (StateStore writer = fs.open(BenchEnv.ONE)) {
            writer.set(BenchEnv.ONE_KEY, Documents.state(0));
        }
        plain = fs.open(BenchEnv.ONE);
        bare = new BareGets(plain);
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
        observed = StoreObservation.observe(fs, registry).open(BenchEnv.ONE);
        ObservationRegistry timers = ObservationRegistry.create();
        timers.observationConfig().observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry(),
                DefaultMeterObservationHandler.IgnoredMeters.LONG_TASK_TIMER));
        timed = StoreObservation.observe(fs, timers).open(BenchEnv.ONE);
        ObservationRegistry nothing = ObservationRegistry.create();
        nothing.observationConfig().observationHandler(context -> true);
        handled = StoreObservation.observe(fs, nothing).open(BenchEnv.ONE);
    }

    /** Closes the stores and deletes the directory. */
    @TearDown
    public void close() throws IOException {
        plain.close();
        observed.close();
        timed.close();
        handled.close();
        BenchSuite.deleteTree(root);
    }

    @Benchmark
    public io.github.statestore.State bareGet() {
        return bare.get(BenchEnv.ONE_KEY).orElseThrow();
    }

    @Benchmark
    public io.github.statestore.State get() {
        return plain.get(BenchEnv.ONE_KEY).orElseThrow();
    }

    @Benchmark
    public io.github.statestore.State observedGet() {
        return observed.get(BenchEnv.ONE_KEY).orElseThrow();
    }

    @Benchmark
    public io.github.statestore.State timedGet() {
        return timed.get(BenchEnv.ONE_KEY).orElseThrow();
    }

    @Benchmark
    public io.github.statestore.State handledGet() {
        return handled.get(BenchEnv.ONE_KEY).orElseThrow();
    }
}
