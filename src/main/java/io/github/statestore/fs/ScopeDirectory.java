package io.github.statestore.fs;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The directory of one scope, {@code <root>/<scope names...>}, opened from the root one directory at a time
 * without following links ({@link Directory}): a scope directory, or one of its parents below the root, that
 * is a symbolic link or not a directory is refused with a {@link FileTypeException}. The root itself is
 * trusted as configured: it is resolved to its real path once, when the store is opened, and may be a link.
 * Immutable and thread-safe.
 */
final class ScopeDirectory {
    private final Path root;
    private final List<String> names;
    private final Path path;
    private final AtomicFiles files;
    private final boolean secure;

    /**
     * @param root the store's root, as {@link #realRoot} resolved it
     * @param path the scope's directory, below {@code root}
     * @param files fsyncs the directories this creates
     * @param secure whether to use the JDK's {@link java.nio.file.SecureDirectoryStream} when it has one
     */
    ScopeDirectory(Path root, Path path, AtomicFiles files, boolean secure) {
        this.root = root;
        this.path = path;
        this.files = files;
        this.secure = secure;
        List<String> below = new ArrayList<>();
        root.relativize(path).forEach(name -> below.add(name.toString()));
        this.names = List.copyOf(below);
    }

    /**
     * Resolves a store's root once, when the store is opened: its real path, or, when it does not exist yet,
     * the real path of its nearest existing parent followed by the rest.
     *
     * @param root the root as configured
     * @return an absolute path without links
     */
    static Path realRoot(Path root) throws IOException {
        Path missing = null;
        for (Path p = root.toAbsolutePath(); ; p = p.getParent()) {
            try {
                Path real = p.toRealPath();
                return missing == null ? real : real.resolve(missing).normalize();
            } catch (NoSuchFileException absent) {
                if (p.getFileName() == null) {
                    throw absent;
                }
                missing = missing == null ? p.getFileName() : p.getFileName().resolve(missing);
            }
        }
    }

    /** @return the scope's directory */
    Path path() {
        return path;
    }

    /**
     * Opens the scope's directory for reading.
     *
     * @return the directory, or {@code null} when it, or one of its parents, does not exist
     * @throws FileTypeException if it or a parent below the root is a link or not a directory
     */
    Directory open() throws IOException {
        Directory dir;
        try {
            dir = Directory.openRoot(root, secure);
        } catch (NoSuchFileException absent) {
            return null;
        }
        for (String name : names) {
            try (Directory parent = dir) {
                dir = parent.child(name);
            }
            if (dir == null) {
                return null;
            }
        }
        return dir;
    }

    /**
     * Opens the scope's directory, first creating it and any missing parent, fsyncing each parent that gains
     * an entry.
     *
     * @return the directory
     * @throws FileTypeException if it or a parent below the root is a link or not a directory
     */
    Directory create() throws IOException {
        Directory dir;
        try {
            dir = Directory.openRoot(root, secure);
        } catch (NoSuchFileException absent) {
            files.createDirectories(root);
            dir = Directory.openRoot(root, secure);
        }
        for (String name : names) {
            try (Directory parent = dir) {
                dir = childCreating(parent, name);
            }
        }
        return dir;
    }

    private Directory childCreating(Directory parent, String name) throws IOException {
        return childCreating(parent, name, files);
    }

    /**
     * Opens the directory {@code name} in {@code parent}, first creating it if missing and fsyncing the parent.
     *
     * @param parent an open directory
     * @param name the child's name
     * @param files fsyncs the parent when it gains the child
     * @return the child, opened without following links
     * @throws FileTypeException if the child is a link or not a directory
     */
    static Directory childCreating(Directory parent, String name, AtomicFiles files) throws IOException {
        Directory child = parent.child(name);
        if (child != null) {
            return child;
        }
        try {
            parent.createDirectory(name);
            files.syncDirectory(parent);
        } catch (FileAlreadyExistsException createdMeanwhile) {
            // Another writer created it first; open theirs.
        }
        child = parent.child(name);
        if (child == null) {
            throw new NoSuchFileException(parent.path().resolve(name).toString(), null,
                    "removed right after it was created");
        }
        return child;
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
