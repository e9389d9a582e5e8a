package io.github.statestore.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.key.NameStyle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves writes are crash-safe: a writer process killed with SIGKILL at random moments never leaves a torn,
 * empty or unlisted document, its leftover temp files never show up as keys, and they do not pile up: each
 * new writer's first write removes those of the writers killed before it, and a last write leaves none.
 */
class FileSystemCrashIT {
    private static final int KILLS = 100;
    private static final int MAX_DELAY_MILLIS = 40;

    @TempDir
    Path dir;

    @Test
    @Timeout(600)
    void killedWriterLeavesOnlyWholeDocuments() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        Path root = dir.resolve(".alchemy");
        FileLayout layout = new FileLayout(root, NameStyle.POSIX);
        Path scopeDir = layout.scopeDir(CrashWriter.SCOPE);
        Set<String> tempFiles = new TreeSet<>();
        int interruptedWrites = 0;
        try (StateStore store = StoreConfig.fileSystem(root).open(CrashWriter.SCOPE)) {
            for (int round = 0; round < KILLS; round++) {
                String context = "round " + round + ", seed " + seed;
                try (ChildJvm writer = ChildJvm.start(CrashWriter.class, root.toString(),
                        Long.toString(random.nextLong()))) {
                    writer.awaitReady();
                    Thread.sleep(random.nextInt(MAX_DELAY_MILLIS + 1));
                    writer.kill();
                }
                checkEveryDocument(store, layout, scopeDir, context);
                Set<String> left = names(scopeDir, AtomicFiles.TEMP_SUFFIX);
                assertTrue(left.size() <= 1, "only the last writer's temp file may be left, " + context + ": "
                        + left);
                if (tempFiles.addAll(left)) {
                    interruptedWrites++;
                }
            }
            store.set(CrashWriter.KEYS.get(0), CrashWriter.document(CrashWriter.KEYS.get(0), CrashWriter.MIN_SIZE));
            assertEquals(Set.of(), names(scopeDir, AtomicFiles.TEMP_SUFFIX), "a later write removed them; seed "
                    + seed);
        }
        System.out.printf("%d kills, %d of them in the middle of a write (a temp file was left)%n", KILLS,
                interruptedWrites);
        assertTrue(interruptedWrites > 0, "no kill interrupted a write, so nothing was proven; seed " + seed);
    }

    private static void checkEveryDocument(StateStore store, FileLayout layout, Path scopeDir, String context)
            throws IOException {
        Set<String> listed = new TreeSet<>(store.list());
        assertFalse(listed.isEmpty(), context);
        assertTrue(CrashWriter.KEYS.containsAll(listed), "list() shows a key nobody wrote, " + context + ": "
                + listed);
        assertEquals(names(scopeDir, FileLayout.SUFFIX),
                listed.stream().map(layout::fileName).collect(Collectors.toCollection(TreeSet::new)),
                "every .json file is listed, " + context);
        Map<String, State> all = store.all();
        assertEquals(listed, all.keySet(), context);
        all.forEach((key, state) -> {
            int size = ((Number) state.props().get("size")).intValue();
            assertTrue(size >= CrashWriter.MIN_SIZE && size <= CrashWriter.MAX_SIZE, context);
            assertEquals(CrashWriter.document(key, size), state, "document of " + key + ", " + context);
        });
    }

    private static Set<String> names(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
