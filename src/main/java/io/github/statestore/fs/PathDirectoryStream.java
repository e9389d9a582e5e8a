package io.github.statestore.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.util.Iterator;
import java.util.Set;

/**
 * A {@link SecureDirectoryStream} that goes by path, for JDKs that have none (Windows, macOS before JDK 24):
 * every entry is resolved against the directory's path when it is used. Each entry's type is checked without
 * following links just before it is used (here for directories, by {@link Directory} for files), and files
 * are opened with the caller's {@link LinkOption#NOFOLLOW_LINKS}; but unlike the JDK's stream, a directory of
 * the path swapped for a link between that check and the use is followed. Not thread-safe.
 */
final class PathDirectoryStream implements SecureDirectoryStream<Path> {
    private final Path dir;
    private DirectoryStream<Path> listing;

    PathDirectoryStream(Path dir) {
        this.dir = dir;
    }

    @Override
    public SecureDirectoryStream<Path> newDirectoryStream(Path path, LinkOption... options) throws IOException {
        Path child = dir.resolve(path);
        if (!Files.readAttributes(child, BasicFileAttributes.class, options).isDirectory()) {
            throw new NotDirectoryException(child.toString());
        }
        return new PathDirectoryStream(child);
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
            FileAttribute<?>... attrs) throws IOException {
        return FileChannel.open(dir.resolve(path), options, attrs);
    }

    @Override
    public void deleteFile(Path path) throws IOException {
        Path file = dir.resolve(path);
        if (Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory()) {
            throw new IOException(file + " is a directory");
        }
        Files.delete(file);
    }

    @Override
    public void deleteDirectory(Path path) throws IOException {
        Path child = dir.resolve(path);
        if (!Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory()) {
            throw new NotDirectoryException(child.toString());
        }
        Files.delete(child);
    }

    @Override
    public void move(Path source, SecureDirectoryStream<Path> targetDir, Path target) throws IOException {
        Files.move(dir.resolve(source), ((PathDirectoryStream) targetDir).dir.resolve(target),
                StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public <V extends FileAttributeView> V getFileAttributeView(Class<V> type) {
        return Files.getFileAttributeView(dir, type);
    }

    @Override
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        return Files.getFileAttributeView(dir.resolve(path), type, options);
    }

    @Override
    public Iterator<Path> iterator() {
        if (listing != null) {
            throw new IllegalStateException("the entries of " + dir + " were already listed");
        }
        try {
            listing = Files.newDirectoryStream(dir);
        } catch (IOException e) {
            throw new DirectoryIteratorException(e);
        }
        return listing.iterator();
    }

    @Override
    public void close() throws IOException {
        if (listing != null) {
            listing.close();
        }
    }
}
