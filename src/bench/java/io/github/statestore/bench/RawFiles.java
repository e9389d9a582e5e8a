package io.github.statestore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw FileSystem baselines: a durable write done by hand (temp file, fsync, rename, and optionally an
 * fsync of the directory), and reads with Jackson's tree model. Stateless and thread-safe.
 */
final class RawFiles {
    private RawFiles() {
    }

    /**
     * Writes {@code bytes} to a temp file beside {@code target}, fsyncs it and renames it over the target.
     *
     * @param syncDirectory whether to fsync the directory afterwards, so that the rename survives a power loss
     */
    static void durableWrite(Path target, byte[] bytes, boolean syncDirectory) throws IOException {
        Path dir = target.getParent();
        Path tmp = dir.resolve("." + target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (syncDirectory) {
            try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
                channel.force(true);
            }
        }
    }

    /** Reads and parses one file. */
    static JsonNode read(Path file) throws IOException {
        return RawS3.parse(Files.readAllBytes(file));
    }

    /** Reads and parses every {@code *.json} file of a directory, one after another. */
    static List<JsonNode> readAll(Path dir) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : files) {
                documents.add(read(file));
            }
        }
        return documents;
    }
}
