package com.example.zipstore;

import io.github.statestore.Scope;
import io.github.statestore.StorageException;
import io.github.statestore.spi.Backend;
import io.github.statestore.spi.Conflicts;
import io.github.statestore.spi.Entry;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A backend written as a third party would write one, against the SPI only: each scope is one ZIP file,
 * {@code <root>/<scope names>.zip}, holding its documents as entries {@code docs/<URL-encoded key>} and its
 * lock entries as {@code locks/<URL-encoded name>}. Every call opens the ZIP file system, acts and closes it
 * (the JDK's zipfs writes a new file and moves it over the old one), one call at a time per file in this JVM,
 * so conditional writes are atomic within one JVM; versions are SHA-256 digests of the bytes. Thread-safe.
 */
final class ZipBackend implements Backend {
    private static final Map<Path, Object> FILE_LOCKS = new ConcurrentHashMap<>();
    private static final String DOCS = "docs/";
    private static final String LOCKS = "locks/";

    private final Path zip;
    private final Object lock;

    ZipBackend(Path root, Scope scope) {
        this.zip = root.resolve(String.join("/", scope.names()) + ".zip").toAbsolutePath().normalize();
        this.lock = FILE_LOCKS.computeIfAbsent(zip, z -> new Object());
    }

    @Override
    public void init() {
        synchronized (lock) {
            act("init", null, zipfs -> null);
        }
    }

    @Override
    public List<String> keys() {
        synchronized (lock) {
            return read("list", null, zipfs -> names(zipfs, DOCS), List.of());
        }
    }

    @Override
    public List<String> lockNames() {
        synchronized (lock) {
            return read("locks", null, zipfs -> names(zipfs, LOCKS), List.of());
        }
    }

    @Override
    public Entry readEntry(String key) {
        synchronized (lock) {
            return read("get", key, zipfs -> read(zipfs, DOCS, key), null);
        }
    }

    @Override
    public String writeIf(String key, byte[] document, String expected) {
        return writeIf(DOCS, key, document, expected, Conflicts.writeOperation(expected));
    }

    @Override
    public void deleteIf(String key, String expected) {
        synchronized (lock) {
            act("deleteIf", key, zipfs -> {
                Entry current = read(zipfs, DOCS, key);
                if (current == null || !current.version().equals(expected)) {
                    throw Conflicts.of(key, expected, current == null ? null : current.version(), "deleteIf");
                }
                Files.delete(entry(zipfs, DOCS, key));
                return null;
            });
        }
    }

    @Override
    public Entry readLock(String name) {
        synchronized (lock) {
            return read("lock", name, zipfs -> read(zipfs, LOCKS, name), null);
        }
    }

    @Override
    public String writeLockIf(String name, byte[] record, String expected) {
        return writeIf(LOCKS, name, record, expected, "lock");
    }

    @Override
    public void write(String key, byte[] document) {
        synchronized (lock) {
            act("set", key, zipfs -> {
                put(zipfs, DOCS, key, document);
                return null;
            });
        }
    }

    @Override
    public void delete(String key) {
        synchronized (lock) {
            act("delete", key, zipfs -> Files.deleteIfExists(entry(zipfs, DOCS, key)));
        }
    }

    @Override
    public String locate(String key) {
        return zip + "!/" + DOCS + encode(key);
    }

    @Override
    public String locateLock(String name) {
        return zip + "!/" + LOCKS + encode(name);
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return zip.toString();
    }

    private String writeIf(String folder, String key, byte[] bytes, String expected, String operation) {
        synchronized (lock) {
            return act(operation, key, zipfs -> {
                Entry current = read(zipfs, folder, key);
                String found = current == null ? null : current.version();
                if (expected == null ? found != null : !expected.equals(found)) {
                    throw Conflicts.of(key, expected, found, operation);
                }
                put(zipfs, folder, key, bytes);
                return version(bytes);
            });
        }
    }

    /** One call's work inside the open ZIP file system. */
    @FunctionalInterface
    private interface Action<T> {
        T run(FileSystem zipfs) throws IOException;
    }

    /** Runs a read; a scope never written has no ZIP file and reads as {@code absent}. */
    private <T> T read(String operation, String key, Action<T> action, T absent) {
        if (!Files.exists(zip)) {
            return absent;
        }
        return act(operation, key, action);
    }

    /** Runs an action on the ZIP file, creating it (and its directories) when missing. */
    private <T> T act(String operation, String key, Action<T> action) {
        try {
            Files.createDirectories(zip.getParent());
            try (FileSystem zipfs = FileSystems.newFileSystem(zip, Map.of("create", "true"))) {
                return action.run(zipfs);
            }
        } catch (IOException e) {
            throw new StorageException(operation, key, zip.toString(), e, false);
        }
    }

    private static Entry read(FileSystem zipfs, String folder, String key) throws IOException {
        try {
            byte[] bytes = Files.readAllBytes(entry(zipfs, folder, key));
            return new Entry(bytes, version(bytes));
        } catch (NoSuchFileException absent) {
            return null;
        }
    }

    private static List<String> names(FileSystem zipfs, String folder) throws IOException {
        List<String> names = new ArrayList<>();
        Path entries = zipfs.getPath(folder);
        if (Files.isDirectory(entries)) {
            try (Stream<Path> all = Files.list(entries)) {
                all.forEach(e -> names.add(URLDecoder.decode(e.getFileName().toString(), StandardCharsets.UTF_8)));
            }
        }
        return names;
    }

    private static void put(FileSystem zipfs, String folder, String key, byte[] bytes) throws IOException {
        Path entry = entry(zipfs, folder, key);
        Files.createDirectories(entry.getParent());
        Files.write(entry, bytes);
    }

    private static Path entry(FileSystem zipfs, String folder, String key) {
        return zipfs.getPath(folder + encode(key));
    }

    private static String encode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8);
    }

    private static String version(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
