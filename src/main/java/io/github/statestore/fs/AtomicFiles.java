package io.github.statestore.fs;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Durable, atomic file replacement: write a temp file in the same directory, fsync it, rename it over the
 * target, fsync the directory. A process killed at any instant leaves the old file or the new one, never a
 * torn or empty one; a leftover temp file ({@code .<16 hex digits>.tmp}) never ends in {@code .json}, so no
 * store lists it, and {@link #removeAbandonedTemps} removes it later. Stateless and thread-safe.
 */
final class AtomicFiles {
    static final String TEMP_SUFFIX = ".tmp";
    /** The names of temp files: {@code .}, 16 lower-case hex digits, {@code .tmp}. */
    static final Pattern TEMP_NAME = Pattern.compile("\\.[0-9a-f]{16}\\.tmp");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final boolean syncDirectories;

    /**
     * @param syncDirectories whether this operating system can open and fsync a directory (Linux, macOS);
     *     Windows cannot, and NTFS journals renames itself
     */
    AtomicFiles(boolean syncDirectories) {
        this.syncDirectories = syncDirectories;
    }

    /**
     * Replaces the entry {@code name} of {@code dir} with a regular file holding {@code bytes}. The rename
     * replaces whatever entry had the name (a link or a FIFO too), never what a link points to.
     */
    void write(Directory dir, String name, byte[] bytes) throws IOException {
        String tmp = writeTemp(dir, bytes);
        try {
            dir.rename(tmp, name);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(dir, tmp, e);
            throw e;
        }
        syncDirectory(dir);
    }

    /** Deletes the entry {@code name} of {@code dir} if present and makes the deletion durable. */
    void delete(Directory dir, String name) throws IOException {
        if (dir.delete(name)) {
            syncDirectory(dir);
        }
    }

    /**
     * Removes the temp files that writes left behind when they were killed, or failed and could not delete
     * them. Safe only while holding the directory's {@link ScopeLock}: every statestore writer creates and
     * renames its temp file while holding it, so no temp file present then belongs to a write in progress.
     *
     * @return how many were removed
     */
    int removeAbandonedTemps(Directory dir) throws IOException {
        int removed = 0;
        for (String name : dir.names()) {
            if (TEMP_NAME.matcher(name).matches()) {
                BasicFileAttributes found = dir.attributes(name);
                if (found != null && found.isRegularFile() && dir.delete(name)) {
                    removed++;
                }
            }
        }
        if (removed > 0) {
            syncDirectory(dir);
        }
        return removed;
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

    /** Fsyncs a directory reached by path: for the root and its parents, which the store trusts. */
    private void syncDirectory(Path dir) throws IOException {
        if (syncDirectories && dir != null) {
            try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
                channel.force(true);
            }
        }
    }

    /** Fsyncs an open directory, so the entries it gained or lost survive a power loss. */
    void syncDirectory(Directory dir) throws IOException {
        if (syncDirectories) {
            try (FileChannel channel = dir.openSelf()) {
                channel.force(true);
            }
        }
    }

    /**
     * Writes and fsyncs a new temp file in {@code dir}.
     *
     * @return its name
     */
    String writeTemp(Directory dir, byte[] bytes) throws IOException {
        while (true) {
            byte[] id = new byte[8];
            RANDOM.nextBytes(id);
            String tmp = "." + HexFormat.of().formatHex(id) + TEMP_SUFFIX;
            FileChannel channel;
            try {
                channel = dir.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, NOFOLLOW_LINKS);
            } catch (FileAlreadyExistsException collision) {
                continue;
            }
            try (channel) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
                return tmp;
            } catch (IOException | RuntimeException e) {
                deleteQuietly(dir, tmp, e);
                throw e;
            }
        }
    }

    private static void deleteQuietly(Directory dir, String name, Exception failure) {
        try {
            dir.delete(name);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
