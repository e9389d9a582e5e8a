package io.github.statestore.fs;

import io.github.statestore.internal.Digests;
import java.io.IOException;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The versions (MD5 digests) of a scope's files for the watches, without reading a file that has not changed
 * since it was last read: a file whose size, modification time and file key (its inode, where the OS has one)
 * are those it had when it was read keeps the version found then. As git does for its index, a file
 * modified less than {@link #SETTLE} before it was read is read again each time, since a write within the
 * file system's timestamp granularity (a few milliseconds on Linux, 2 seconds on FAT) could leave all three
 * alike. Thread-safe.
 */
final class FileVersions {
    /** How old a file's modification time must be, when it is read, for its attributes to vouch for it. */
    static final Duration SETTLE = Duration.ofSeconds(5);

    private final ConcurrentMap<String, Seen> seen = new ConcurrentHashMap<>();

    /**
     * The version of a document file.
     *
     * @param opened the scope's directory
     * @param name the file's name
     * @param found its attributes, read just before
     * @return its version, or {@code null} if it is no longer there
     * @throws FileTypeException if it is no longer a regular file
     */
    String version(Directory opened, String name, BasicFileAttributes found) throws IOException {
        Seen last = seen.get(name);
        if (last != null && last.vouchesFor(found)) {
            return last.version;
        }
        long readAt = System.currentTimeMillis();
        byte[] bytes = opened.read(name);
        if (bytes == null) {
            seen.remove(name);
            return null;
        }
        String version = Digests.version(bytes);
        seen.put(name, new Seen(found.size(), found.lastModifiedTime(), found.fileKey(), readAt, version));
        return version;
    }

    /**
     * Forgets the files not in a listing, so that the cache holds no more than the directory.
     *
     * @param names the names listed
     */
    void retain(Collection<String> names) {
        seen.keySet().retainAll(names);
    }

    /** What a file was when it was read, and its version then. */
    private record Seen(long size, FileTime modified, Object fileKey, long readAt, String version) {
        boolean vouchesFor(BasicFileAttributes now) {
            return modified.toMillis() < readAt - SETTLE.toMillis() && size == now.size()
                    && modified.equals(now.lastModifiedTime()) && Objects.equals(fileKey, now.fileKey());
        }
    }
}
