package io.github.statestore.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.statestore.HistoryEntry;
import io.github.statestore.HistoryPolicy;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.Version;
import io.github.statestore.fs.ChildJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves history across processes on every backend that processes share: once both have warmed up, a second
 * JVM and this one overwrite a key {@value #WRITES} times each, in rounds: this JVM tells the child to write and
 * writes at the same moment, so that the two race for the same version in each round, then reads the key's
 * history, which holds two more versions each round. In the end the history holds every replaced version exactly
 * once (one per write of either process), each process's versions newest first in the order it wrote them, and
 * together with the current document every
 * state either process wrote; a version the other process wrote restores here. (A listing taken while the
 * other process is between keeping a version and writing may show its entry before that write, or conflict,
 * drops it again: listings only grow by this process's own writes.) The child takes its history
 * policy from its store URL ({@code historyVersions}).
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HistoryAcrossProcessesIT {
    static final Scope SCOPE = Scope.of("history", "dev");
    static final String KEY = "api/database";
    /** The key each process writes first, to warm up, before both start writing {@link #KEY} together. */
    static final String WARM_UP = "warm-up";
    private static final int WRITES = 30;
    private static final HistoryPolicy POLICY = HistoryPolicy.keepVersions(HistoryPolicy.MAX_VERSIONS);

    @TempDir
    Path dir;

    @Test
    void fileSystem() throws Exception {
        acrossProcesses(SharedStore.fileSystem(dir, "historyVersions=10000"));
    }

    @Test
    void s3() throws Exception {
        acrossProcesses(SharedStore.s3("historyVersions=10000", POLICY));
    }

    @Test
    void r2() throws Exception {
        acrossProcesses(SharedStore.r2("historyVersions=10000"));
    }

    @Test
    void sqlite() throws Exception {
        acrossProcesses(SharedStore.sqlite(dir, "historyVersions=10000"));
    }

    @Test
    void postgres() throws Exception {
        acrossProcesses(SharedStore.postgres("history", "historyVersions=10000"));
    }

    private static void acrossProcesses(SharedStore shared) throws Exception {
        try (StateStore store = shared.config().open(SCOPE)) {
            HistoryWriterChild.warmUp(store);
            store.create(KEY, HistoryWriterChild.state("initial", 0));
            try (ChildJvm child = shared.startChild(HistoryWriterChild.class, String.valueOf(WRITES))) {
                child.awaitReady();
                for (int round = 0; round < WRITES; round++) {
                    child.send("write");
                    store.set(KEY, HistoryWriterChild.state("parent-" + round, round));
                    assertEquals("wrote child-" + round, child.awaitLine());
                    int kept = store.history(KEY).size();
                    assertEquals(2 * (round + 1), kept, shared.name() + ": versions kept after round " + round);
                }
                child.awaitExit();
            }
            List<HistoryEntry> history = store.history(KEY);
            assertEquals(2 * WRITES, history.size(), shared.name() + ": one kept version per write of either "
                    + "process");
            List<String> ids = new ArrayList<>();
            for (HistoryEntry entry : history) {
                ids.add(store.getAt(KEY, entry.version()).orElseThrow().id());
            }
            assertNewestFirst(shared.name(), ids, "child-");
            assertNewestFirst(shared.name(), ids, "parent-");
            Set<String> seen = new TreeSet<>(ids);
            seen.add(store.get(KEY).orElseThrow().id());
            Set<String> written = new TreeSet<>(Set.of("initial"));
            for (int i = 0; i < WRITES; i++) {
                written.add("child-" + i);
            }
            for (int i = 0; i < WRITES; i++) {
                written.add("parent-" + i);
            }
            assertEquals(written, seen, shared.name() + ": every state either process wrote, and no other");
            Version childs = history.get(ids.indexOf("child-0")).version();
            store.restore(KEY, childs);
            assertEquals("child-0", store.get(KEY).orElseThrow().id());
            long turns = IntStream.range(1, ids.size())
                    .filter(i -> ids.get(i).charAt(0) != ids.get(i - 1).charAt(0)).count();
            System.out.printf("%s: %d writes by two processes in %d rounds, interleaved with %d turns between them; "
                    + "%d versions kept, each once and in each writer's order%n", shared.name(), 2 * WRITES, WRITES,
                    turns, history.size());
        }
    }

    /** The ids one writer wrote appear newest first: its last write's id before its first's. */
    private static void assertNewestFirst(String backend, List<String> ids, String writer) {
        List<Integer> order = ids.stream().filter(id -> id.startsWith(writer))
                .map(id -> Integer.parseInt(id.substring(writer.length()))).toList();
        List<Integer> expected = new ArrayList<>(order);
        expected.sort((a, b) -> b - a);
        assertEquals(expected, order, backend + ": " + writer + " versions newest first");
    }
}
