package io.github.statestore.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.ChangeEvent.Type;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.Subscription;
import io.github.statestore.Version;
import io.github.statestore.WatchOptions;
import io.github.statestore.contract.ChangeLog;
import io.github.statestore.fs.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves a watch sees another process's changes on every backend that other processes can share: this JVM
 * watches while a second JVM makes {@value WatchScript#ROUNDS} creates, updates and deletes of each of
 * {@value WatchScript#KEYS} keys ({@link WatchScript}), then one last write. Every key's events must end at its
 * final state, follow its changes in order (coalescing allowed) and report no state it never had. The memory
 * store lives in one JVM, so there the writer is another thread and another store of the same space.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class WatchAcrossProcessesIT {
    private static final WatchOptions QUICK = WatchOptions.builder().pollInterval(Duration.ofMillis(50)).build();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

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

    @Test
    void sqlite() throws Exception {
        acrossProcesses(SharedStore.sqlite(dir, ""));
    }

    @Test
    void postgres() throws Exception {
        acrossProcesses(SharedStore.postgres("watch", ""));
    }

    @Test
    void memoryInOneJvm() throws Exception {
        StoreConfig space = StoreConfig.memory();
        try (StateStore watched = space.open(WatchScript.SCOPE); StateStore writer = space.open(WatchScript.SCOPE)) {
            ChangeLog log = new ChangeLog();
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            try (Subscription ignored = watched.watch(log, QUICK)) {
                Thread thread = new Thread(() -> {
                    try {
                        WatchScript.run(writer, lines::add);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                thread.start();
                thread.join();
                check("memory (another thread)", log, List.copyOf(lines));
            }
        }
    }

    private static void acrossProcesses(SharedStore shared) throws Exception {
        ChangeLog log = new ChangeLog();
        try (StateStore store = shared.config().open(WatchScript.SCOPE)) {
            store.init();
            try (Subscription ignored = store.watch(log, QUICK);
                    ChildJvm child = shared.startChild(WatchWriterChild.class)) {
                child.awaitReady();
                check(shared.name(), log, child.awaitExit());
            }
        }
    }

    /** Checks the events against the writer's lines: each key's changes in order, its last one seen, none made up. */
    private static void check(String backend, ChangeLog log, List<String> lines) throws InterruptedException {
        Map<String, List<Version>> states = WatchScript.states(lines);
        List<Version> sentinel = states.get(WatchScript.SENTINEL);
        log.await("the writer's last write", PATIENCE, ChangeLog.is(Type.CREATED, WatchScript.SENTINEL,
                sentinel.get(1)));
        states.forEach(log::assertCoalesced);
        int changes = lines.size();
        int events = log.events().size();
        assertEquals(WatchScript.KEYS * WatchScript.ROUNDS + 1, changes, lines.toString());
        assertTrue(events <= changes, events + " events for " + changes + " changes");
        System.out.printf("%s: %d changes by the writer, %d events delivered (%d coalesced away), each key's "
                + "last state seen, none invented%n", backend, changes, events, changes - events);
    }
}
