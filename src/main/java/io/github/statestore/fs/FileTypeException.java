package io.github.statestore.fs;

import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * An entry below the store's root that is not of the type the store needs: a symbolic link, a FIFO or another
 * special file where a document, a key file or the lock file belongs, or anything but a directory where a
 * scope's directory belongs. The store never follows such a link and never opens such a file, so that nothing
 * outside the root is read or written and no read waits on a FIFO. Immutable.
 */
final class FileTypeException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    private FileTypeException(Path file, String reason) {
        super(file.toString(), null, reason);
    }

    /** A file that must be a regular file but is not. */
    static FileTypeException notRegularFile(Path file, BasicFileAttributes found) {
        return new FileTypeException(file, describe(found) + ", not a regular file" + why(found));
    }

    /** A scope's directory, or one of its parents below the root, that is not a directory. */
    static FileTypeException notDirectory(Path file, BasicFileAttributes found) {
        return new FileTypeException(file, describe(found) + ", not a directory" + why(found));
    }

    /**
     * What an entry is, for messages.
     *
     * @return such as {@code a symbolic link}
     */
    static String describe(BasicFileAttributes found) {
        if (found.isSymbolicLink()) {
            return "a symbolic link";
        }
        if (found.isDirectory()) {
            return "a directory";
        }
        if (found.isRegularFile()) {
            return "a regular file";
        }
        return "a special file (such as a FIFO, a socket or a device)";
    }

    private static String why(BasicFileAttributes found) {
        if (found.isSymbolicLink()) {
            return "; the FileSystem store follows no symbolic link below its root";
        }
        return found.isOther() ? "; the FileSystem store never opens one" : "";
    }
}
