package io.github.statestore.jdbc;

import static io.github.statestore.contract.ConditionalWritesContract.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.concurrency.CounterChild;
import io.github.statestore.concurrency.CounterRun;
import io.github.statestore.concurrency.Incrementers;
import io.github.statestore.fs.ChildJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves compare-and-set loses no update and applies none twice across processes on both SQL dialects: 3 child
 * JVMs ({@link CounterChild}) of 4 threads each make 100 {@code update} increments of one counter through a
 * {@code jdbc:} store URL; the counter ends at exactly the number of increments that succeeded, each count
 * returned by exactly one of them, while the processes took turns. The figures are printed.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class JdbcCounterAcrossProcessesIT {
    private static final int CHILDREN = 3;
    private static final int THREADS = 4;
    private static final int INCREMENTS = 100;
    private static final int CALLS = CHILDREN * THREADS * INCREMENTS;

    @TempDir
    Path dir;

    @Test
    void sqlite() throws Exception {
        acrossProcesses("SQLite", "jdbc:sqlite:" + dir.resolve("state.db"));
    }

    @Test
    void postgresql() throws Exception {
        acrossProcesses("PostgreSQL", PostgresServer.url() + "&table=counter_" + ProcessHandle.current().pid());
    }

    private static void acrossProcesses(String dialect, String url) throws Exception {
        long start = System.nanoTime();
        try (StateStore store = StoreConfig.parse(url).open(Incrementers.SCOPE)) {
            store.init();
            List<ChildJvm> children = new ArrayList<>();
            try {
                for (int i = 0; i < CHILDREN; i++) {
                    children.add(ChildJvm.start(Map.of(), CounterChild.class, url, String.valueOf(THREADS),
                            String.valueOf(INCREMENTS)));
                }
                for (ChildJvm child : children) {
                    child.awaitReady();
                }
                List<List<Long>> returnedPerChild = new ArrayList<>();
                List<Long> returned = new ArrayList<>();
                int attempts = 0;
                int unknown = 0;
                for (ChildJvm child : children) {
                    List<String> output = child.awaitExit();
                    attempts += Integer.parseInt(output.get(0));
                    List<Long> theirs = output.get(1).isEmpty() ? List.of()
                            : Arrays.stream(output.get(1).split(" ")).map(Long::valueOf).toList();
                    returnedPerChild.add(theirs);
                    returned.addAll(theirs);
                    unknown += Integer.parseInt(output.get(2));
                }
                long counter = count(store.get(Incrementers.KEY));
                CounterRun.Result result = new CounterRun.Result(CALLS, returned, unknown);
                result.assertExact(counter);
                assertEquals(result.successes(), counter, "the counter after " + result);
                assertEquals(LongStream.rangeClosed(1, counter).boxed().toList(), returned.stream().sorted().toList(),
                        "each count from 1 to the counter returned by exactly one successful update");
                int turns = turns(returnedPerChild, (int) counter);
                assertTrue(turns >= CHILDREN, "the processes did not overlap: the counter passed between them "
                        + turns + " times");
                System.out.printf("%s: %d JVMs x %d threads: %d update calls, %d successes, %d of unknown outcome, "
                        + "final counter %d; %d update attempts; the counter passed between the processes %d times; "
                        + "%d ms%n", dialect, CHILDREN, THREADS, result.calls(), result.successes(), result.unknown(),
                        counter, attempts, turns, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            } finally {
                for (ChildJvm child : children) {
                    child.close();
                }
            }
        }
    }

    /**
     * How many times the counter passed from one process to another, reading counts 1 to {@code counter} in
     * order: each count's process is the one whose update returned it.
     */
    private static int turns(List<List<Long>> returnedPerChild, int counter) {
        int[] process = new int[counter + 1];
        for (int p = 0; p < returnedPerChild.size(); p++) {
            for (long n : returnedPerChild.get(p)) {
                process[(int) n] = p;
            }
        }
        int turns = 0;
        for (int n = 2; n <= counter; n++) {
            turns += process[n] != process[n - 1] ? 1 : 0;
        }
        return turns;
    }
}
