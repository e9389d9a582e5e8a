package io.github.statestore.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.fs.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An export and an import of 100,000 small documents in a JVM of 128 MB of heap (issue 13): both stream, so
 * neither holds the entries. The stores live on tmpfs ({@code /dev/shm}) where there is one, so that the
 * import's 100,000 fsyncs cost what the heap bound, not the disk, is about.
 */
class ArchiveHeapIT {
    private static final int ENTRIES = 100_000;
    private Path work;

    @AfterEach
    void clean() throws IOException {
        try (Stream<Path> all = Files.walk(work)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void aHundredThousandDocumentsGoThroughAnArchiveIn128MegabytesOfHeap() throws Exception {
        Path shm = Path.of("/dev/shm");
        work = Files.isWritable(shm) ? Files.createTempDirectory(shm, "archive-heap")
                : Files.createTempDirectory("archive-heap");
        Path scope = Files.createDirectories(work.resolve("source/big/dev"));
        for (int i = 0; i < ENTRIES; i++) {
            String id = String.format("k%06d", i);
            Files.writeString(scope.resolve(id + ".json"), document(id), StandardCharsets.UTF_8);
        }

        List<String> output;
        try (ChildJvm child = ChildJvm.start(Map.of(), ArchiveHeapChild.class, work.resolve("source").toString(),
                work.resolve("archive.jsonl").toString(), work.resolve("target").toString())) {
            child.awaitReady();
            output = child.awaitExit();
        }

        String[] figures = output.get(output.size() - 1).split(" ");
        System.out.printf("Archive of %d documents (%d MB) in a %s MB heap: export %s ms, import %s ms,"
                + " peak heap %s MB%n", ENTRIES, Files.size(work.resolve("archive.jsonl")) >> 20, figures[5],
                figures[1], figures[3], figures[4]);
        assertEquals(String.valueOf(ENTRIES), figures[0]);
        assertEquals(String.valueOf(ENTRIES), figures[2]);
        assertTrue(Integer.parseInt(figures[5]) <= 128, "the child's heap is bounded: " + figures[5] + " MB");
        try (Stream<Path> copied = Files.list(work.resolve("target/big/dev"))) {
            assertEquals(ENTRIES, copied.filter(p -> p.toString().endsWith(".json")).count());
        }
    }

    private static String document(String id) {
        return """
                {
                  "status": "created",
                  "kind": "test::Thing",
                  "id": "%s",
                  "fqn": "big/dev/%s",
                  "seq": 0,
                  "data": {},
                  "props": {
                    "name": "%s"
                  },
                  "output": {}
                }""".formatted(id, id, id);
    }
}
