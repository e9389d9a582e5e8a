package io.github.statestore.fs;

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
    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void readerSeesOnlyWholeDocumentsWhileAnotherProcessWrites() throws Exception {
        Path root = dir.resolve(".alchemy");
        try (StateStore store = StoreConfig.fileSystem(root).open(AlternatingWriter.SCOPE);
                ChildJvm writer = ChildJvm.start(AlternatingWriter.class, root.toUri().toString())) {
            writer.awaitReady();
            AlternatingWriter.Reads reads = AlternatingWriter.readWhileItWrites(store, writer);
            System.out.printf("read the small document %d times and the large one %d times%n", reads.small(),
                    reads.large());
        }
    }
}
