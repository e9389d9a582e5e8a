package io.github.statestore.fs;

import io.github.statestore.InvalidKeyException;
import io.github.statestore.Scope;
import io.github.statestore.StorageException;
import io.github.statestore.internal.Backend;
import io.github.statestore.internal.Conflicts;
import io.github.statestore.internal.Digests;
import io.github.statestore.internal.Entry;
import io.github.statestore.key.FileLayout;
import io.github.statestore.key.KeyCodec;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scope's directory: {@code <root>/<scope>/<encoded key>.json}, written with {@link AtomicFiles} under
 * the scope's {@link ScopeLock}. Thread-safe, and safe to share with other processes: every write is an
 * atomic rename, so readers never see a torn document, and writes are serialized, so a conditional write's
 * check and rename are one step.
 */
final class FileSystemBackend implements Backend {
    private static final Logger LOG = LoggerFactory.getLogger(FileSystemBackend.class);

    private final FileLayout layout;
    private final Path dir;
    private final AtomicFiles files;
    private final ScopeLock lock;

    FileSystemBackend(FileLayout layout, Scope scope, AtomicFiles files) {
        this.layout = layout;
        this.dir = layout.scopeDir(scope);
        this.files = files;
        this.lock = new ScopeLock(dir, files);
    }

    @Override
    public void init() {
        try {
            files.createDirectories(dir);
        } catch (IOException e) {
            throw new StorageException("init", null, dir.toString(), e, false);
        }
    }

    @Override
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*" + FileLayout.SUFFIX)) {
            for (Path entry : entries) {
                String key = keyOf(entry);
                if (key != null) {
                    keys.add(key);
                }
            }
        } catch (NoSuchFileException emptyScope) {
            return keys;
        } catch (IOException e) {
            throw new StorageException("list", null, dir.toString(), e, false);
        }
        return keys;
    }

    private String keyOf(Path entry) throws IOException {
        String name = entry.getFileName().toString();
        if (!Files.isRegularFile(entry)) {
            return null;
        }
        if (!FileLayout.isLongName(name)) {
            String key = layout.keyOf(name);
            if (key == null) {
                LOG.warn("Skipping {}: its name is not one this store writes for any key", entry);
            }
            return key;
        }
        try {
            String key = Files.readString(dir.resolve(FileLayout.sidecarName(name)), StandardCharsets.UTF_8);
            KeyCodec.validate(key);
            if (layout.fileName(key).equals(name)) {
                return key;
            }
        } catch (NoSuchFileException | CharacterCodingException | InvalidKeyException e) {
            LOG.warn("Skipping {}: its key file is missing or invalid ({})", entry, e.getMessage());
            return null;
        }
        LOG.warn("Skipping {}: its key file names another key", entry);
        return null;
    }

    @Override
    public Entry readEntry(String key) {
        return versioned(read(key));
    }

    /** Reads the file without computing its version (an MD5 of the bytes), which plain reads do not return. */
    @Override
    public byte[] read(String key) {
        Path path = path(key);
        try {
            return bytes(path);
        } catch (IOException e) {
            throw new StorageException("get", key, path.toString(), e, false);
        }
    }

    private static Entry entry(Path path) throws IOException {
        return versioned(bytes(path));
    }

    private static Entry versioned(byte[] bytes) {
        return bytes == null ? null : new Entry(bytes, Digests.version(bytes));
    }

    private static byte[] bytes(Path path) throws IOException {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException absent) {
            return null;
        }
    }

    @Override
    public void write(String key, byte[] document) {
        Path path = path(key);
        try {
            lock.run(() -> store(key, path, document));
        } catch (IOException e) {
            throw new StorageException("set", key, path.toString(), e, false);
        }
    }

    @Override
    public String writeIf(String key, byte[] document, String expected) {
        Path path = path(key);
        String operation = Conflicts.writeOperation(expected);
        try {
            return lock.run(() -> {
                check(key, path, expected, operation);
                store(key, path, document);
                return Digests.version(document);
            });
        } catch (IOException e) {
            throw new StorageException(operation, key, path.toString(), e, false);
        }
    }

    @Override
    public Entry readLock(String name) {
        Path path = dir.resolve(layout.lockFileName(name));
        try {
            return entry(path);
        } catch (IOException e) {
            throw new StorageException("lock", name, path.toString(), e, false);
        }
    }

    @Override
    public String writeLockIf(String name, byte[] record, String expected) {
        Path path = dir.resolve(layout.lockFileName(name));
        try {
            return lock.run(() -> {
                check(name, path, expected, "lock");
                files.write(path, record);
                return Digests.version(record);
            });
        } catch (IOException e) {
            throw new StorageException("lock", name, path.toString(), e, false);
        }
    }

    @Override
    public void deleteIf(String key, String expected) {
        Path path = path(key);
        try {
            if (!Files.isDirectory(dir)) {
                check(key, path, expected, "deleteIf");
            }
            lock.run(() -> {
                check(key, path, expected, "deleteIf");
                return remove(path);
            });
        } catch (IOException e) {
            throw new StorageException("deleteIf", key, path.toString(), e, false);
        }
    }

    private static void check(String key, Path path, String expected, String operation) throws IOException {
        Entry current = entry(path);
        String found = current == null ? null : current.version();
        if (!Objects.equals(found, expected)) {
            throw Conflicts.of(key, expected, found, operation);
        }
    }

    private Void store(String key, Path path, byte[] document) throws IOException {
        String name = path.getFileName().toString();
        if (FileLayout.isLongName(name)) {
            writeSidecar(key, dir.resolve(FileLayout.sidecarName(name)));
        }
        files.write(path, document);
        return null;
    }

    private void writeSidecar(String key, Path sidecar) throws IOException {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        if (!Files.isRegularFile(sidecar) || !Arrays.equals(Files.readAllBytes(sidecar), bytes)) {
            files.write(sidecar, bytes);
        }
    }

    @Override
    public void delete(String key) {
        Path path = path(key);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try {
            lock.run(() -> remove(path));
        } catch (IOException e) {
            throw new StorageException("delete", key, path.toString(), e, false);
        }
    }

    private Void remove(Path path) throws IOException {
        files.delete(path);
        String name = path.getFileName().toString();
        if (FileLayout.isLongName(name)) {
            files.delete(dir.resolve(FileLayout.sidecarName(name)));
        }
        return null;
    }

    @Override
    public String locate(String key) {
        return path(key).toString();
    }

    @Override
    public String locateLock(String name) {
        return dir.resolve(layout.lockFileName(name)).toString();
    }

    private Path path(String key) {
        return dir.resolve(layout.fileName(key));
    }

    @Override
    public void close() {
        // Holds no open files between calls.
    }

    @Override
    public String toString() {
        return "file:" + dir;
    }
}
