package io.github.statestore.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Durable, atomic file replacement: write a temp file in the same directory, fsync it, rename it over the
 * target, fsync the directory. A process killed at any instant leaves the old file or the new one, never a
 * torn or empty one; a leftover temp file ({@code .<random>.tmp}) never ends in {@code .json}, so no store
 * lists it. Stateless and thread-safe.
 */
final class AtomicFiles {
    static final String TEMP_SUFFIX = ".tmp";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final boolean syncDirectories;

    /**
     * @param syncDirectories whether this operating system can open and fsync a directory (Linux, macOS);
     *     Windows cannot, and NTFS journals renames itself
     */
    AtomicFiles(boolean syncDirectories) {
        this.syncDirectories = syncDirectories;
    }

    /** Replaces {@code target} with {@code bytes}, creating missing parent directories durably. */
    void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.getParent();
        Path tmp;
        try {
            tmp = writeTemp(dir, bytes);
        } catch (NoSuchFileException missingDir) {
            createDirectories(dir);
            tmp = writeTemp(dir, bytes);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        syncDirectory(dir);
    }

    /** Deletes {@code target} if present and makes the deletion durable. */
    void delete(Path target) throws IOException {
        if (Files.deleteIfExists(target)) {
            syncDirectory(target.getParent());
        }
    }

    /** Creates {@code dir} and any missing parents, fsyncing each parent that gained an entry. */
    void createDirectories(Path dir) throws IOException {
        Path firstMissing = dir;
        while (firstMissing.getParent() != null && !Files.isDirectory(firstMissing.getParent())) {
            firstMissing = firstMissing.getParent();
        }
        Files.createDirectories(dir);
        for (Path p = dir; p != null && p.startsWith(firstMissing); p = p.getParent()) {
            syncDirectory(p.getParent());
        }
    }

    void syncDirectory(Path dir) throws IOException {
        if (syncDirectories && dir != null) {
            try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
                channel.force(true);
            }
        }
    }

    private static Path writeTemp(Path dir, byte[] bytes) throws IOException {
        while (true) {
            byte[] id = new byte[8];
            RANDOM.nextBytes(id);
            Path tmp = dir.resolve("." + HexFormat.of().formatHex(id) + TEMP_SUFFIX);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
                return tmp;
            } catch (FileAlreadyExistsException collision) {
                continue;
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
        }
    }
}
