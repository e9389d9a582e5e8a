package io.github.statestore.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Proves that the benchmark suite's JMH classes were generated and start: one short iteration of the
 * in-memory {@code get} benchmark, in this JVM. The suite itself runs with {@link BenchSuite}. It measures
 * nothing worth keeping, so it ignores JMH's machine-wide lock: a benchmark running beside it (which holds
 * that lock) must not fail the test suite.
 */
class BenchmarkSmokeTest {

    @Test
    @Timeout(60)
    void aBenchmarkRuns() throws RunnerException {
        System.setProperty("jmh.ignoreLock", "true");
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include("\\." + MemoryBench.class.getSimpleName() + "\\.get$")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .shouldFailOnError(true)
                .build()).run();

        assertEquals(1, results.size());
        assertTrue(results.iterator().next().getPrimaryResult().getScore() > 0);
    }
}
