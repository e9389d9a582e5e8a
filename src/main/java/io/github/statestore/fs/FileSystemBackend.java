package io.github.statestore.fs;

import io.github.statestore.CorruptStateException;
import io.github.statestore.InvalidKeyException;
import io.github.statestore.Scope;
import io.github.statestore.StorageException;
import io.github.statestore.internal.Digests;
import io.github.statestore.key.KeyCodec;
import io.github.statestore.spi.Backend;
import io.github.statestore.spi.ChangeSignal;
import io.github.statestore.spi.Conflicts;
import io.github.statestore.spi.Document;
import io.github.statestore.spi.Entry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scope's directory: {@code <root>/<scope>/<encoded key>.json}, written with {@link AtomicFiles} under
 * the scope's {@link ScopeLock}. Every entry is reached through {@link ScopeDirectory} without following
 * links, and only regular files are read. Thread-safe, and safe to share with other processes: every write is
 * an atomic rename, so readers never see a torn document, and writes are serialized, so a conditional write's
 * check and rename are one step. Watches list the directory and read only the files that changed
 * ({@link FileVersions}), woken by the OS's file watching ({@link DirectoryWatch}). History entries live in the
 * scope's {@code %!history} folder ({@link FileHistory}), expiries in its {@code %!expiry} folder
 * ({@link FileExpiry}).
 */
final class FileSystemBackend implements Backend {
    private static final Logger LOG = LoggerFactory.getLogger(FileSystemBackend.class);

    private final FileLayout layout;
    private final Path dir;
    private final ScopeDirectory scopeDir;
    private final AtomicFiles files;
    private final ScopeLock lock;
    private final FileVersions fileVersions = new FileVersions();
    private final FileHistory history;
    private final FileExpiry expiry;

    /**
     * @param layout the layout, over a root {@link ScopeDirectory#realRoot} resolved
     * @param scope the scope
     * @param files writes the files
     * @param lockWait the longest a write waits for the scope's lock, {@link ScopeLock#MAX_WAIT} in real use
     * @param secureDirectories whether to use the JDK's {@link java.nio.file.SecureDirectoryStream} when it has
     *     one; {@code false} only in tests of the by-path fallback
     */
    FileSystemBackend(FileLayout layout, Scope scope, AtomicFiles files, Duration lockWait,
            boolean secureDirectories) {
        this.layout = layout;
        this.dir = layout.scopeDir(scope);
        this.files = files;
        this.scopeDir = new ScopeDirectory(layout.root(), dir, files, secureDirectories);
        this.lock = new ScopeLock(scopeDir, files, lockWait);
        this.history = new FileHistory(layout, scopeDir, lock, files);
        this.expiry = new FileExpiry(layout, files);
    }

    @Override
    public void init() {
        try {
            scopeDir.create().close();
        } catch (IOException e) {
            throw new StorageException("init", null, dir.toString(), e, false);
        }
    }

    @Override
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        try (Directory opened = scopeDir.open()) {
            if (opened == null) {
                return keys;
            }
            for (String name : opened.names()) {
                String key = name.endsWith(FileLayout.SUFFIX) ? keyOf(opened, name) : null;
                if (key != null) {
                    keys.add(key);
                }
            }
        } catch (IOException e) {
            throw new StorageException("list", null, dir.toString(), e, false);
        }
        return keys;
    }

    @Override
    public Map<String, String> versions() {
        Map<String, String> versions = new HashMap<>();
        Map<String, String> documents = new HashMap<>();
        try (Directory opened = scopeDir.open()) {
            if (opened != null) {
                for (String name : opened.names()) {
                    BasicFileAttributes found = name.endsWith(FileLayout.SUFFIX) ? opened.attributes(name) : null;
                    String key = found == null ? null : keyOf(opened, name, found);
                    String version = key == null ? null : version(opened, name, found);
                    if (version != null) {
                        versions.put(key, version);
                        documents.put(name, key);
                    }
                }
            }
            if (opened != null && !documents.isEmpty()) {
                expiry.addTo(opened, documents, versions);
            }
        } catch (IOException e) {
            throw new StorageException("watch", null, dir.toString(), e, false);
        }
        fileVersions.retain(documents.keySet());
        return versions;
    }

    /** A listed document's version, or {@code null} if it was replaced by something not a file meanwhile. */
    private String version(Directory opened, String name, BasicFileAttributes found) throws IOException {
        try {
            return fileVersions.version(opened, name, found);
        } catch (FileTypeException replaced) {
            return null;
        }
    }

    @Override
    public ChangeSignal changeSignal() {
        return DirectoryWatch.of(dir);
    }

    @Override
    public List<String> lockNames() {
        List<String> names = new ArrayList<>();
        try (Directory opened = scopeDir.open()) {
            if (opened == null) {
                return names;
            }
            for (String name : opened.names()) {
                String lock = layout.lockNameOf(name);
                if (lock != null) {
                    names.add(lock);
                }
            }
        } catch (IOException e) {
            throw new StorageException("locks", null, dir.toString(), e, false);
        }
        return names;
    }

    private String keyOf(Directory opened, String name) throws IOException {
        BasicFileAttributes found = opened.attributes(name);
        return found == null ? null : keyOf(opened, name, found);
    }

    private String keyOf(Directory opened, String name, BasicFileAttributes found) throws IOException {
        if (!found.isRegularFile()) {
            LOG.warn("Skipping {}: {}, not a regular file", dir.resolve(name), FileTypeException.describe(found));
            return null;
        }
        if (!FileLayout.isLongName(name)) {
            String key = layout.keyOf(name);
            if (key == null) {
                LOG.warn("Skipping {}: its name is not one this store writes for any key", dir.resolve(name));
            }
            return key;
        }
        String problem;
        try {
            byte[] bytes = opened.read(FileLayout.sidecarName(name));
            if (bytes == null) {
                problem = "its key file is missing";
            } else {
                String key = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
                KeyCodec.validate(key);
                if (layout.fileName(key).equals(name)) {
                    return key;
                }
                problem = "its key file names another key";
            }
        } catch (FileTypeException | CharacterCodingException | InvalidKeyException e) {
            problem = "its key file is invalid (" + e.getMessage() + ")";
        }
        LOG.warn("Skipping {}: {}", dir.resolve(name), problem);
        return null;
    }

    @Override
    public Entry readEntry(String key) {
        String name = layout.fileName(key);
        try (Directory opened = scopeDir.open()) {
            byte[] bytes = opened == null ? null : document(opened, key, name);
            if (bytes == null) {
                return null;
            }
            String digest = Digests.version(bytes);
            Instant expiresAt = expiry.read(opened, key, bytes, digest);
            return new Entry(bytes, Digests.withExpiry(digest, expiresAt), expiresAt);
        } catch (IOException e) {
            throw new StorageException("get", key, dir.resolve(name).toString(), e, false);
        }
    }

    /** Reads the file, and its expiry file only if there is one: the version (an MD5) only then. */
    @Override
    public Document readDocument(String key) {
        String name = layout.fileName(key);
        try (Directory opened = scopeDir.open()) {
            byte[] bytes = opened == null ? null : document(opened, key, name);
            return bytes == null ? null : new Document(bytes, expiry.read(opened, key, bytes, null));
        } catch (IOException e) {
            throw new StorageException("get", key, dir.resolve(name).toString(), e, false);
        }
    }

    /** Reads the file without computing its version (an MD5 of the bytes), which plain reads do not return. */
    @Override
    public byte[] read(String key) {
        String name = layout.fileName(key);
        try (Directory opened = scopeDir.open()) {
            return opened == null ? null : document(opened, key, name);
        } catch (IOException e) {
            throw new StorageException("get", key, dir.resolve(name).toString(), e, false);
        }
    }

    /** Reads a document or lock entry; one that is not a regular file is corrupt. */
    private static byte[] document(Directory opened, String key, String name) throws IOException {
        try {
            return opened.read(name);
        } catch (FileTypeException e) {
            throw new CorruptStateException(key, e.getFile(), e.getReason(), null);
        }
    }

    private static Entry versioned(byte[] bytes) {
        return bytes == null ? null : new Entry(bytes, Digests.version(bytes));
    }

    @Override
    public void write(String key, byte[] document) {
        write(key, document, null);
    }

    @Override
    public void write(String key, byte[] document, Instant expiresAt) {
        String name = layout.fileName(key);
        try {
            lock.run(opened -> {
                if (expiresAt != null) {
                    expiry.writeBefore(opened, key, replaced(opened, name), document, expiresAt);
                }
                return store(opened, key, name, document, expiresAt);
            });
        } catch (IOException e) {
            throw new StorageException("set", key, dir.resolve(name).toString(), e, false);
        }
    }

    @Override
    public String writeIf(String key, byte[] document, String expected) {
        return writeIf(key, document, expected, null);
    }

    @Override
    public String writeIf(String key, byte[] document, String expected, Instant expiresAt) {
        String name = layout.fileName(key);
        String operation = Conflicts.writeOperation(expected);
        try {
            return lock.run(opened -> {
                byte[] current = checkDocument(opened, key, name, expected, operation);
                if (expiresAt != null) {
                    expiry.writeBefore(opened, key, current, document, expiresAt);
                }
                store(opened, key, name, document, expiresAt);
                return Digests.withExpiry(Digests.version(document), expiresAt);
            });
        } catch (IOException e) {
            throw new StorageException(operation, key, dir.resolve(name).toString(), e, false);
        }
    }

    @Override
    public boolean keepsExpiry() {
        return true;
    }

    @Override
    public Map<String, Instant> expiries() {
        try (Directory opened = scopeDir.open()) {
            return opened == null ? Map.of() : expiry.list(opened, this::keyOf);
        } catch (IOException e) {
            throw new StorageException("list", null, dir.resolve(FileLayout.EXPIRY_DIR).toString(), e, false);
        }
    }

    @Override
    public Entry readLock(String lockName) {
        String name = layout.lockFileName(lockName);
        try (Directory opened = scopeDir.open()) {
            return opened == null ? null : versioned(document(opened, lockName, name));
        } catch (IOException e) {
            throw new StorageException("lock", lockName, dir.resolve(name).toString(), e, false);
        }
    }

    @Override
    public String writeLockIf(String lockName, byte[] record, String expected) {
        String name = layout.lockFileName(lockName);
        try {
            return lock.run(opened -> {
                check(opened, lockName, name, expected, "lock");
                files.write(opened, name, record);
                return Digests.version(record);
            });
        } catch (IOException e) {
            throw new StorageException("lock", lockName, dir.resolve(name).toString(), e, false);
        }
    }

    @Override
    public boolean keepsHistory() {
        return true;
    }

    @Override
    public void writeHistory(String key, String name, byte[] document) {
        history.write(key, name, document);
    }

    @Override
    public List<String> historyNames(String key) {
        return history.names(key);
    }

    @Override
    public byte[] readHistory(String key, String name) {
        return history.read(key, name);
    }

    @Override
    public void deleteHistory(String key, Collection<String> names) {
        history.delete(key, names);
    }

    @Override
    public void deleteIf(String key, String expected) {
        String name = layout.fileName(key);
        try {
            if (!exists()) {
                verify(key, expected, null, "deleteIf");
            }
            lock.run(opened -> {
                checkDocument(opened, key, name, expected, "deleteIf");
                return remove(opened, key, name);
            });
        } catch (IOException e) {
            throw new StorageException("deleteIf", key, dir.resolve(name).toString(), e, false);
        }
    }

    /** {@return the document's current bytes, checked to have the expected version, its expiry's included} */
    private byte[] checkDocument(Directory opened, String key, String name, String expected, String operation)
            throws IOException {
        byte[] current = document(opened, key, name);
        String digest = current == null ? null : Digests.version(current);
        verify(key, expected, digest == null ? null
                : Digests.withExpiry(digest, expiry.read(opened, key, current, digest)), operation);
        return current;
    }

    private static void check(Directory opened, String key, String name, String expected, String operation)
            throws IOException {
        byte[] current = document(opened, key, name);
        verify(key, expected, current == null ? null : Digests.version(current), operation);
    }

    private static void verify(String key, String expected, String found, String operation) {
        if (!Objects.equals(found, expected)) {
            throw Conflicts.of(key, expected, found, operation);
        }
    }

    /** Writes a document whose expiry file {@link FileExpiry#writeBefore} wrote, or removes it after. */
    private Void store(Directory opened, String key, String name, byte[] document, Instant expiresAt)
            throws IOException {
        if (FileLayout.isLongName(name)) {
            writeSidecar(opened, key, FileLayout.sidecarName(name));
        }
        files.write(opened, name, document);
        if (expiresAt == null) {
            expiry.remove(opened, key);
        }
        return null;
    }

    /** {@return the bytes a write replaces, or {@code null} when there are none or the entry is no file} */
    private static byte[] replaced(Directory opened, String name) throws IOException {
        try {
            return opened.read(name);
        } catch (FileTypeException notAFile) {
            return null;
        }
    }

    /** Writes a long name's key file unless it already holds the key; anything but a regular file is replaced. */
    private void writeSidecar(Directory opened, String key, String sidecar) throws IOException {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        byte[] found;
        try {
            found = opened.read(sidecar);
        } catch (FileTypeException notAFile) {
            found = null;
        }
        if (!Arrays.equals(found, bytes)) {
            files.write(opened, sidecar, bytes);
        }
    }

    @Override
    public void delete(String key) {
        String name = layout.fileName(key);
        try {
            if (exists()) {
                lock.run(opened -> remove(opened, key, name));
            }
        } catch (IOException e) {
            throw new StorageException("delete", key, dir.resolve(name).toString(), e, false);
        }
    }

    /** Whether the scope's directory exists, so that a delete there need not create it. */
    private boolean exists() throws IOException {
        try (Directory opened = scopeDir.open()) {
            return opened != null;
        }
    }

    private Void remove(Directory opened, String key, String name) throws IOException {
        files.delete(opened, name);
        expiry.remove(opened, key);
        if (FileLayout.isLongName(name)) {
            files.delete(opened, FileLayout.sidecarName(name));
        }
        return null;
    }

    @Override
    public String locate(String key) {
        return dir.resolve(layout.fileName(key)).toString();
    }

    @Override
    public String locateLock(String name) {
        return dir.resolve(layout.lockFileName(name)).toString();
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
