package io.github.statestore.copy;

import io.github.statestore.ScopeCopy;
import io.github.statestore.StoreArchive;
import io.github.statestore.StoreConfig;
import io.github.statestore.fs.ChildJvm;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * For {@link ArchiveHeapIT}, in a JVM of 128 MB of heap: exports a FileSystem store to an archive file and
 * imports it into another, then prints the documents exported and imported, the milliseconds each took, and
 * the peak heap used.
 */
public final class ArchiveHeapChild {
    private ArchiveHeapChild() {
    }

    /**
     * @param args the source root, the archive file, the target root
     */
    public static void main(String[] args) throws Exception {
        System.out.println(ChildJvm.READY);
        long start = System.nanoTime();
        ScopeCopy.Report exported;
        try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
            exported = StoreArchive.export(StoreConfig.fileSystem(Path.of(args[0])), out);
        }
        long exportMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        start = System.nanoTime();
        ScopeCopy.Report imported;
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            imported = StoreArchive.importInto(StoreConfig.fileSystem(Path.of(args[2])), in, false);
        }
        long importMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println(exported.copied() + " " + exportMillis + " " + imported.copied() + " " + importMillis
                + " " + peak / (1024 * 1024) + " " + Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }
}
