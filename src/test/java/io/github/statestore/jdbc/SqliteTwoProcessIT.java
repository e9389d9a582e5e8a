package io.github.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.fs.AlternatingWriter;
import io.github.statestore.fs.ChildJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that processes share one SQLite database file: one reads whole documents while another rewrites them,
 * and of creates of one key racing in three processes, all told to go at once, exactly one succeeds, the others
 * failing with a conflict, and its document is what the key then holds; {@value #KEYS} keys in turn.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SqliteTwoProcessIT {
    private static final int RACERS = 3;
    private static final int KEYS = 100;

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:sqlite:" + dir.resolve("state.db");
    }

    @Test
    void aReaderSeesTheOtherProcessesWritesAsWholeDocuments() throws Exception {
        try (StateStore store = StoreConfig.parse(url()).open(AlternatingWriter.SCOPE);
                ChildJvm writer = ChildJvm.start(Map.of(), AlternatingWriter.class, url())) {
            writer.awaitReady();
            AlternatingWriter.Reads reads = AlternatingWriter.readWhileItWrites(store, writer);
            System.out.printf("SQLite: read the other process's small document %d times and its large one %d times%n",
                    reads.small(), reads.large());
        }
    }

    @Test
    void ofCreatesRacingAcrossProcessesExactlyOnePerKeyWins() throws Exception {
        List<ChildJvm> racers = new ArrayList<>();
        try (StateStore store = StoreConfig.parse(url()).open(CreateRacer.SCOPE)) {
            store.init();
            for (int i = 0; i < RACERS; i++) {
                racers.add(ChildJvm.start(Map.of(), CreateRacer.class, url()));
            }
            List<String> ids = new ArrayList<>();
            for (ChildJvm racer : racers) {
                racer.awaitReady();
                ids.add(racer.awaitLine());
            }
            Map<String, Integer> wonBy = new TreeMap<>();
            for (int key = 0; key < KEYS; key++) {
                for (ChildJvm racer : racers) {
                    racer.send(String.valueOf(key));
                }
                List<String> winners = new ArrayList<>();
                for (int r = 0; r < RACERS; r++) {
                    String answer = racers.get(r).awaitLine();
                    if (answer.equals(CreateRacer.WON)) {
                        winners.add(ids.get(r));
                    } else {
                        assertEquals(CreateRacer.LOST, answer);
                    }
                }
                assertEquals(1, winners.size(), CreateRacer.key(key) + " created by " + winners);
                assertEquals(CreateRacer.document(winners.get(0), CreateRacer.key(key)),
                        store.get(CreateRacer.key(key)).orElseThrow(), "the document of " + CreateRacer.key(key));
                wonBy.merge(winners.get(0), 1, Integer::sum);
            }
            for (ChildJvm racer : racers) {
                racer.send(CreateRacer.DONE);
                racer.awaitExit();
            }
            System.out.printf("SQLite: %d keys, each created by %d processes at once: one won each, %s%n", KEYS,
                    RACERS, wonBy);
        } finally {
            for (ChildJvm racer : racers) {
                racer.close();
            }
        }
    }
}
