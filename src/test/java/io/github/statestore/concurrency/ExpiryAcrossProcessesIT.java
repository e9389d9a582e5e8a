package io.github.statestore.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.fs.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves expiring entries across processes on every backend that processes share. A second JVM writes keys
 * that expire in an hour and keys that expire in {@link #SHORT}: this JVM reads back the very expiry instants the
 * writer's store reported, and once the short ones have passed, its {@code purgeExpired()} removes exactly those
 * (nothing else had read them) and its {@code list()} shows exactly the others. Then the child writes one key
 * {@value #BEATS} times, each beat expiring 5 ms before the next, last with an hour, while this JVM purges and
 * lists as fast as it can, removing expired beats while the next ones are written: whatever it removed, the last
 * beat stays, because a purge removes only the version it read expired (compare-and-set).
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ExpiryAcrossProcessesIT {
    static final Scope SCOPE = Scope.of("expiry", "dev");
    static final int KEYS = 20;
    static final Duration SHORT = Duration.ofSeconds(3);
    static final String HEARTBEAT = "heartbeat";
    static final int BEATS = 60;

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
        acrossProcesses(SharedStore.postgres("expiry", ""));
    }

    private static void acrossProcesses(SharedStore shared) throws Exception {
        try (StateStore store = shared.config().open(SCOPE);
                ChildJvm child = shared.startChild(ExpiryWriterChild.class)) {
            child.awaitReady();
            child.send("write");
            Instant lastShort = Instant.EPOCH;
            List<String> longKeys = new ArrayList<>();
            int goneEarly = 0;
            for (String line = child.awaitLine(); !line.equals("written"); line = child.awaitLine()) {
                String[] words = line.split(" ");
                if (words[1].startsWith("long/")) {
                    longKeys.add(words[1]);
                }
                Optional<Instant> read = words[2].equals("gone") ? Optional.empty() : store.expiresAt(words[1]);
                if (read.isEmpty()) {
                    goneEarly++;
                    continue;
                }
                Instant written = Instant.ofEpochMilli(Long.parseLong(words[2]));
                if (words[1].startsWith("short/")) {
                    lastShort = written.isAfter(lastShort) ? written : lastShort;
                }
                assertEquals(written, read.get(),
                        shared.name() + ": the expiry of " + words[1] + " as the writer read it");
            }
            assertEquals(KEYS, longKeys.size());
            waitPast(lastShort);
            assertEquals(KEYS - goneEarly, store.purgeExpired(), shared.name() + ": every short-lived key removed by "
                    + "the purge, but those a read found expired already (" + goneEarly + ")");
            assertEquals(longKeys.stream().sorted().toList(), store.list(), shared.name() + ": the long-lived keys");
            assertEquals(KEYS, store.count());
            assertEquals(0, store.purgeExpired());

            AtomicBoolean beating = new AtomicBoolean(true);
            AtomicInteger removed = new AtomicInteger();
            AtomicInteger purges = new AtomicInteger();
            Thread purger = new Thread(() -> {
                while (beating.get()) {
                    removed.addAndGet(store.purgeExpired());
                    purges.incrementAndGet();
                    store.list();
                }
            });
            child.send("heartbeat");
            purger.start();
            try {
                assertEquals("done", child.awaitLine());
            } finally {
                beating.set(false);
                purger.join();
            }
            assertEquals(BEATS, store.get(HEARTBEAT).orElseThrow().seq(), shared.name() + ": the last beat stays");
            assertTrue(store.expiresAt(HEARTBEAT).orElseThrow().isAfter(Instant.now().plusSeconds(3000)));
            System.out.printf("%s: %d expiries read as written, %d short-lived keys purged at once; %d beats "
                    + "against %d purges, which removed %d expired beats, and the last beat stayed%n", shared.name(),
                    2 * KEYS - goneEarly, KEYS - goneEarly, BEATS, purges.get(), removed.get());
        }
    }

    private static void waitPast(Instant instant) throws InterruptedException {
        long millis;
        while ((millis = Duration.between(Instant.now(), instant).toMillis()) >= 0) {
            Thread.sleep(millis + 1);
        }
    }
}
