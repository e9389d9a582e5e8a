package io.github.statestore.concurrency;

import static io.github.statestore.contract.ConditionalWritesContract.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.fs.ChildJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves compare-and-set loses no update across processes: 8 threads in this JVM and 8 in a second JVM each
 * make 200 {@code update} increments of one counter, and it ends at exactly 3,200, on the FileSystem, S3 and
 * R2 stores, each count written exactly once while the two processes took turns.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class CounterAcrossProcessesIT {
    private static final int THREADS = 8;
    private static final int INCREMENTS = 200;
    private static final int TOTAL = 2 * THREADS * INCREMENTS;

    @TempDir
    Path dir;

    @Test
    void fileSystem() throws Exception {
        acrossProcesses(SharedStore.fileSystem(dir, ""));
    }

    @Test
    void s3() throws Exception {
        acrossProcesses(SharedStore.s3(""));
    }

    @Test
    void r2() throws Exception {
        acrossProcesses(SharedStore.r2(""));
    }

    /**
     * The in-memory store lives inside one JVM and cannot be shared with another process, so all 16 threads
     * run here: the same 3,200 increments, contending in one process only.
     */
    @Test
    void memory() throws Exception {
        try (StateStore store = StoreConfig.memory().open(Incrementers.SCOPE)) {
            Incrementers incrementers = Incrementers.start(store, 2 * THREADS, INCREMENTS);
            List<Long> written = incrementers.join();
            assertEquals(0, incrementers.unknown(), "increments of unknown outcome");
            assertEquals(TOTAL, count(store.get(Incrementers.KEY)));
            assertEachCountWrittenOnce(written);
        }
    }

    private static void acrossProcesses(SharedStore shared) throws Exception {
        long start = System.nanoTime();
        try (StateStore store = shared.config().open(Incrementers.SCOPE);
                ChildJvm child = shared.startChild(CounterChild.class, String.valueOf(THREADS),
                        String.valueOf(INCREMENTS))) {
            child.awaitReady();
            Incrementers here = Incrementers.start(store, THREADS, INCREMENTS);
            List<Long> ours = here.join();
            List<String> output = child.awaitExit();
            List<Long> theirs = Arrays.stream(output.get(1).split(" ")).map(Long::valueOf).toList();
            assertEquals(0, here.unknown(), "increments of unknown outcome here");
            assertEquals("0", output.get(2), "increments of unknown outcome in the child");

            assertEquals(TOTAL, count(store.get(Incrementers.KEY)));
            List<Long> all = new ArrayList<>(ours);
            all.addAll(theirs);
            assertEachCountWrittenOnce(all);
            int turns = turns(theirs);
            assertTrue(turns >= 2, "the processes did not overlap: the counts passed between them " + turns
                    + " times");
            System.out.printf("%s: %d increments, %d update attempts here and %d in the child, the counter passing"
                    + " between the processes %d times, in %d ms%n", shared.name(), TOTAL, here.attempts(),
                    Integer.parseInt(output.get(0)), turns, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
    }

    /** Every increment read the count the one before it wrote: none was lost, none read a stale count. */
    private static void assertEachCountWrittenOnce(List<Long> written) {
        assertEquals(LongStream.rangeClosed(1, TOTAL).boxed().toList(), written.stream().sorted().toList());
    }

    /**
     * How many times the counter passed from one process to the other, reading counts 1 to {@link #TOTAL} in
     * order; at least 2 means the child wrote both before and after this JVM did, so they ran at once.
     */
    private static int turns(List<Long> childCounts) {
        boolean[] child = new boolean[TOTAL + 1];
        childCounts.forEach(n -> child[n.intValue()] = true);
        int turns = 0;
        for (int n = 2; n <= TOTAL; n++) {
            turns += child[n] != child[n - 1] ? 1 : 0;
        }
        return turns;
    }
}
