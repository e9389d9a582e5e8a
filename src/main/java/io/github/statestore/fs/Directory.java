package io.github.statestore.fs;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * An open directory below the store's root, whose entries are reached without following symbolic links.
 *
 * <p>Where the JDK offers a {@link SecureDirectoryStream} (Linux), every entry is reached relative to the open
 * directory ({@code openat}, {@code fstatat}, {@code renameat}, {@code unlinkat}) and opened with
 * {@code O_NOFOLLOW}: a directory checked once stays the one used, even if its path is swapped for a link a
 * moment later. Elsewhere (Windows, macOS before JDK 24) the same calls go by path through
 * {@link PathDirectoryStream}: each entry is still checked not to be a link just before it is used, and files
 * are opened with {@link java.nio.file.LinkOption#NOFOLLOW_LINKS}.
 *
 * <p>Not thread-safe: open one per operation and close it.
 */
final class Directory implements Closeable {
    private static final int MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

    private final SecureDirectoryStream<Path> stream;
    private final Path path;

    private Directory(SecureDirectoryStream<Path> stream, Path path) {
        this.stream = stream;
        this.path = path;
    }

    /**
     * Opens the store's root, which may itself be a link: the root is the user's to choose.
     *
     * @param root the root directory
     * @param secure whether to use the JDK's {@link SecureDirectoryStream} when it has one; {@code false} only
     *     in tests of the by-path fallback
     * @throws NoSuchFileException if the root does not exist
     */
    static Directory openRoot(Path root, boolean secure) throws IOException {
        DirectoryStream<Path> opened = Files.newDirectoryStream(root);
        if (secure && opened instanceof SecureDirectoryStream<Path> stream) {
            return new Directory(stream, root);
        }
        opened.close();
        return new Directory(new PathDirectoryStream(root), root);
    }

    /** @return the directory's path, for messages and for creating entries */
    Path path() {
        return path;
    }

    /**
     * Opens the directory {@code name} in this one.
     *
     * @return the directory, or {@code null} if there is no entry of that name
     * @throws FileTypeException if the entry is a symbolic link or anything but a directory
     */
    Directory child(String name) throws IOException {
        try {
            return new Directory(stream.newDirectoryStream(Path.of(name), NOFOLLOW_LINKS), path.resolve(name));
        } catch (NoSuchFileException absent) {
            return null;
        } catch (FileSystemException notOpened) {
            BasicFileAttributes found = attributes(name);
            if (found != null && !found.isDirectory()) {
                throw FileTypeException.notDirectory(path.resolve(name), found);
            }
            throw notOpened;
        }
    }

    /**
     * Creates the directory {@code name} in this one. The JDK has no {@code mkdirat}, so this goes by path;
     * {@link #child} then opens the new directory relative to this one.
     */
    void createDirectory(String name) throws IOException {
        Files.createDirectory(path.resolve(name));
    }

    /**
     * The attributes of an entry, of a link itself rather than of its target.
     *
     * @return the attributes, or {@code null} if there is no entry of that name
     */
    BasicFileAttributes attributes(String name) throws IOException {
        try {
            return stream.getFileAttributeView(Path.of(name), BasicFileAttributeView.class, NOFOLLOW_LINKS)
                    .readAttributes();
        } catch (NoSuchFileException absent) {
            return null;
        }
    }

    /**
     * Reads a regular file whole. Its type is checked before it is opened, so a FIFO is never opened (opening
     * one for reading waits for a writer), and it is opened with {@code O_NOFOLLOW}.
     *
     * @return the bytes, or {@code null} if there is no entry of that name
     * @throws FileTypeException if the entry is a symbolic link, a directory or a special file
     */
    byte[] read(String name) throws IOException {
        BasicFileAttributes found = attributes(name);
        if (found == null) {
            return null;
        }
        if (!found.isRegularFile()) {
            throw FileTypeException.notRegularFile(path.resolve(name), found);
        }
        try (SeekableByteChannel channel = stream.newByteChannel(Path.of(name),
                Set.of(StandardOpenOption.READ, NOFOLLOW_LINKS))) {
            return readAll(channel, name);
        } catch (NoSuchFileException removedMeanwhile) {
            return null;
        }
    }

    /** Reads to the end, as {@code Files.readAllBytes} does: a file may grow while read (Alchemy writes in place). */
    private byte[] readAll(SeekableByteChannel channel, String name) throws IOException {
        long size = channel.size();
        if (size > MAX_FILE_BYTES) {
            throw new IOException(path.resolve(name) + " holds " + size + " bytes, more than a Java array can");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        int read = 0;
        while (buffer.hasRemaining() && read >= 0) {
            read = channel.read(buffer);
        }
        if (buffer.hasRemaining()) {
            return Arrays.copyOf(buffer.array(), buffer.position());
        }
        ByteBuffer probe = ByteBuffer.allocate(1);
        if (channel.read(probe) < 1) {
            return buffer.array();
        }
        ByteArrayOutputStream grown = new ByteArrayOutputStream(buffer.capacity() * 2 + 1);
        grown.write(buffer.array());
        grown.write(probe.array());
        Channels.newInputStream(channel).transferTo(grown);
        return grown.toByteArray();
    }

    /**
     * Opens a file in this directory; pass {@link java.nio.file.LinkOption#NOFOLLOW_LINKS} so that a link is
     * refused.
     */
    FileChannel open(String name, OpenOption... options) throws IOException {
        // Both UnixSecureDirectoryStream and PathDirectoryStream return a FileChannel.
        return (FileChannel) stream.newByteChannel(Path.of(name), Set.of(options));
    }

    /** Opens this directory itself for reading, to fsync it. */
    FileChannel openSelf() throws IOException {
        return open(".", StandardOpenOption.READ);
    }

    /** Renames {@code from} to {@code to} in this directory atomically, replacing any entry {@code to}. */
    void rename(String from, String to) throws IOException {
        stream.move(Path.of(from), stream, Path.of(to));
    }

    /**
     * Deletes an entry that is not a directory; a link is deleted itself, never its target.
     *
     * @return whether there was one
     */
    boolean delete(String name) throws IOException {
        try {
            stream.deleteFile(Path.of(name));
            return true;
        } catch (NoSuchFileException absent) {
            return false;
        }
    }

    /**
     * The names in this directory; may be called once per open directory.
     *
     * @return the names, in no particular order
     */
    List<String> names() throws IOException {
        List<String> names = new ArrayList<>();
        try {
            for (Path entry : stream) {
                names.add(entry.getFileName().toString());
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        return names;
    }

    /**
     * What identifies this directory whatever path reached it: its file key (device and inode) where the
     * platform has one, else its path.
     */
    Object identity() throws IOException {
        Object key = stream.getFileAttributeView(BasicFileAttributeView.class).readAttributes().fileKey();
        return key != null ? key : path;
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
