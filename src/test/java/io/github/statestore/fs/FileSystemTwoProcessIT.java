package io.github.statestore.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves two processes can share one directory: while another JVM rewrites a key, alternating a small and a
 * large document, every read in this JVM finds the key and gets one whole document or the other.
 */
class FileSystemTwoProcessIT {
    private static final long MIN_READ_NANOS = 3_000_000_000L;

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void readerSeesOnlyWholeDocumentsWhileAnotherProcessWrites() throws Exception {
        Path root = dir.resolve(".alchemy");
        int small = 0;
        int large = 0;
        try (StateStore store = StoreConfig.fileSystem(root).open(AlternatingWriter.SCOPE);
                ChildJvm writer = ChildJvm.start(AlternatingWriter.class, root.toString())) {
            writer.awaitReady();
            long start = System.nanoTime();
            while (System.nanoTime() - start < MIN_READ_NANOS || small == 0 || large == 0) {
                State read = store.get(AlternatingWriter.KEY).orElseThrow(
                        () -> new AssertionError("the key vanished while being replaced"));
                if (read.equals(AlternatingWriter.SMALL)) {
                    small++;
                } else {
                    assertEquals(AlternatingWriter.LARGE, read, "neither document");
                    large++;
                }
            }
            assertTrue(writer.isAlive(), "the writer stopped, so the reads did not overlap its writes");
        }
        System.out.printf("read the small document %d times and the large one %d times%n", small, large);
    }
}
