package io.github.statestore.fs;

import io.github.statestore.CorruptStateException;
import io.github.statestore.StorageException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One scope's history entries on the FileSystem: {@code <scope dir>/%!history/<key's file name without
 * .json>/<entry name>}, out of sight of Alchemy (which lists only the {@code .json} files of a scope's
 * directory) and of scope discovery. Entries are written as documents are, with {@link AtomicFiles} under the
 * scope's {@link ScopeLock}: whole and durable before the document that replaces them is written. Deleting
 * entries, also under the lock, removes the temp files killed writers left in the key's folder; it does not
 * fsync the folder, which spares each pruning write one fsync: after a power loss an entry pruned just before
 * may be back, an extra entry that the next write of the key prunes again. Thread-safe, and safe to share with
 * other processes.
 */
final class FileHistory {
    private final FileLayout layout;
    private final ScopeDirectory scopeDir;
    private final ScopeLock lock;
    private final AtomicFiles files;

    FileHistory(FileLayout layout, ScopeDirectory scopeDir, ScopeLock lock, AtomicFiles files) {
        this.layout = layout;
        this.scopeDir = scopeDir;
        this.lock = lock;
        this.files = files;
    }

    void write(String key, String name, byte[] document) {
        try {
            lock.run(scope -> {
                try (Directory history = ScopeDirectory.childCreating(scope, FileLayout.HISTORY_DIR, files);
                        Directory kept = ScopeDirectory.childCreating(history, layout.historyDirName(key), files)) {
                    files.write(kept, name, document);
                }
                return null;
            });
        } catch (IOException e) {
            throw new StorageException("set", key, locate(key).resolve(name).toString(), e, false);
        }
    }

    List<String> names(String key) {
        List<String> names = new ArrayList<>();
        try (Directory kept = open(key)) {
            if (kept != null) {
                for (String name : kept.names()) {
                    if (!AtomicFiles.TEMP_NAME.matcher(name).matches()) {
                        names.add(name);
                    }
                }
            }
        } catch (IOException e) {
            throw new StorageException("history", key, locate(key).toString(), e, false);
        }
        return names;
    }

    byte[] read(String key, String name) {
        try (Directory kept = open(key)) {
            return kept == null ? null : kept.read(name);
        } catch (FileTypeException e) {
            throw new CorruptStateException(key, e.getFile(), e.getReason(), null);
        } catch (IOException e) {
            throw new StorageException("history", key, locate(key).resolve(name).toString(), e, false);
        }
    }

    void delete(String key, Collection<String> names) {
        try {
            try (Directory existing = scopeDir.open()) {
                if (existing == null) {
                    return;
                }
            }
            lock.run(scope -> {
                try (Directory kept = child(child(scope, FileLayout.HISTORY_DIR), layout.historyDirName(key))) {
                    if (kept != null) {
                        for (String name : names) {
                            kept.delete(name);
                        }
                        files.removeAbandonedTemps(kept);
                    }
                }
                return null;
            });
        } catch (IOException e) {
            throw new StorageException("history", key, locate(key).toString(), e, false);
        }
    }

    /** {@return the key's folder of entries, or {@code null} when the scope has none for it} */
    private Directory open(String key) throws IOException {
        return child(child(scopeDir.open(), FileLayout.HISTORY_DIR), layout.historyDirName(key));
    }

    /** Opens a child of a directory and closes the directory; {@code null} in, or no such child, is null out. */
    private static Directory child(Directory parent, String name) throws IOException {
        if (parent == null) {
            return null;
        }
        try (parent) {
            return parent.child(name);
        }
    }

    private Path locate(String key) {
        return scopeDir.path().resolve(FileLayout.HISTORY_DIR).resolve(layout.historyDirName(key));
    }
}
