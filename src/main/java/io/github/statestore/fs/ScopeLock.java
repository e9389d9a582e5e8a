package io.github.statestore.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes the writes to one scope directory across threads and processes: a lock in this JVM (file locks
 * are held per process) plus an OS lock ({@code FileChannel.lock}) on {@code .statestore.lock} in the
 * directory. The OS releases a dead holder's lock with its process, so a crashed writer never blocks others;
 * a writer waits at most {@link #MAX_WAIT} for a live one. Readers take no lock: every write is an atomic
 * rename. Thread-safe.
 */
final class ScopeLock {
    /** The lock file's name; it never ends in {@code .json}, so no store lists it. */
    static final String FILE_NAME = ".statestore.lock";
    /** The longest a write waits for another process's lock. */
    static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final ConcurrentMap<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

    /** Work done while holding the lock. */
    @FunctionalInterface
    interface Action<T> {
        T run() throws IOException;
    }

    private final Path dir;
    private final AtomicFiles files;
    private volatile ReentrantLock inJvmLock;

    ScopeLock(Path dir, AtomicFiles files) {
        this.dir = dir;
        this.files = files;
    }

    /**
     * Runs {@code action} holding the scope's lock, creating the directory first if needed. The in-JVM lock
     * is found by the directory's real path, so stores that reach one directory through different paths
     * (symbolic links) share it; the real path is resolved at the first write and kept, as the store keeps
     * its directory.
     */
    <T> T run(Action<T> action) throws IOException {
        if (!Files.isDirectory(dir)) {
            files.createDirectories(dir);
        }
        ReentrantLock local = inJvm();
        local.lock();
        try (FileChannel channel = FileChannel.open(dir.resolve(FILE_NAME), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = acquire(channel)) {
            return action.run();
        } finally {
            local.unlock();
        }
    }

    private ReentrantLock inJvm() throws IOException {
        ReentrantLock found = inJvmLock;
        if (found == null) {
            found = IN_JVM.computeIfAbsent(dir.toRealPath(), d -> new ReentrantLock());
            inJvmLock = found;
        }
        return found;
    }

    /**
     * Takes the OS lock, waiting at most {@link #MAX_WAIT}: a process stopped in the middle of a write
     * (never killed, so its lock stays) makes writers fail with an error instead of hanging.
     */
    private FileLock acquire(FileChannel channel) throws IOException {
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        for (long pause = 1; ; pause = Math.min(pause * 2, 50)) {
            FileLock held = channel.tryLock();
            if (held != null) {
                return held;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("another process has held the scope's write lock " + dir.resolve(FILE_NAME)
                        + " for more than " + MAX_WAIT.toSeconds() + " s; is it stopped in the middle of a write?");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the scope's write lock", e);
            }
        }
    }
}
