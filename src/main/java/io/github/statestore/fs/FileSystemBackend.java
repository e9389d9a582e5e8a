package io.github.statestore.fs;

import io.github.statestore.InvalidKeyException;
import io.github.statestore.Scope;
import io.github.statestore.StorageException;
import io.github.statestore.internal.Backend;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scope's directory: {@code <root>/<scope>/<encoded key>.json}, written with {@link AtomicFiles}.
 * Thread-safe, and safe to share with other processes: every write is an atomic rename, so readers never see
 * a torn document.
 */
final class FileSystemBackend implements Backend {
    private static final Logger LOG = LoggerFactory.getLogger(FileSystemBackend.class);

    private final FileLayout layout;
    private final Path dir;
    private final AtomicFiles files;

    FileSystemBackend(FileLayout layout, Scope scope, AtomicFiles files) {
        this.layout = layout;
        this.dir = layout.scopeDir(scope);
        this.files = files;
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
    public byte[] read(String key) {
        Path path = path(key);
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException absent) {
            return null;
        } catch (IOException e) {
            throw new StorageException("get", key, path.toString(), e, false);
        }
    }

    @Override
    public void write(String key, byte[] document) {
        String name = layout.fileName(key);
        Path path = dir.resolve(name);
        try {
            if (FileLayout.isLongName(name)) {
                writeSidecar(key, dir.resolve(FileLayout.sidecarName(name)));
            }
            files.write(path, document);
        } catch (IOException e) {
            throw new StorageException("set", key, path.toString(), e, false);
        }
    }

    private void writeSidecar(String key, Path sidecar) throws IOException {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        if (!Files.isRegularFile(sidecar) || !Arrays.equals(Files.readAllBytes(sidecar), bytes)) {
            files.write(sidecar, bytes);
        }
    }

    @Override
    public void delete(String key) {
        String name = layout.fileName(key);
        Path path = dir.resolve(name);
        try {
            files.delete(path);
            if (FileLayout.isLongName(name)) {
                files.delete(dir.resolve(FileLayout.sidecarName(name)));
            }
        } catch (IOException e) {
            throw new StorageException("delete", key, path.toString(), e, false);
        }
    }

    @Override
    public String locate(String key) {
        return path(key).toString();
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
