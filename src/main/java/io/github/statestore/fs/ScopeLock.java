package io.github.statestore.fs;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import io.github.statestore.StateStoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serializes the writes to one scope directory across threads and processes: a lock in this JVM (file locks
 * are held per process) plus an OS lock ({@code FileChannel.tryLock}) on {@code .statestore.lock} in the
 * directory. The OS releases a dead holder's lock with its process, so a crashed writer never blocks others.
 * Taking both halves waits at most the bound given, {@link #MAX_WAIT} in real use, so that a writer stopped in
 * the middle of a write makes the others fail instead of hang. Readers take no lock: every write is an atomic
 * rename. Thread-safe.
 */
final class ScopeLock {
    /** The lock file's name; it never ends in {@code .json}, so no store lists it. */
    static final String FILE_NAME = ".statestore.lock";
    /** The longest a write waits for the scope's lock, both halves together. */
    static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final long MAX_PAUSE_MILLIS = 50;
    private static final Logger LOG = LoggerFactory.getLogger(ScopeLock.class);
    private static final ConcurrentMap<Object, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

    /** Work done while holding the lock, in the scope's open directory. */
    @FunctionalInterface
    interface Action<T> {
        T run(Directory dir) throws IOException;
    }

    private final ScopeDirectory scopeDir;
    private final AtomicFiles files;
    private final Duration maxWait;
    private final AtomicBoolean tempsRemoved = new AtomicBoolean();

    /**
     * @param scopeDir the directory whose writes it serializes
     * @param files removes the temp files that killed writers left, at the first write
     * @param maxWait the longest a write waits for the lock
     */
    ScopeLock(ScopeDirectory scopeDir, AtomicFiles files, Duration maxWait) {
        this.scopeDir = scopeDir;
        this.files = files;
        this.maxWait = maxWait;
    }

    /**
     * Runs {@code action} holding the scope's lock, creating the directory first if needed. The in-JVM lock is
     * found by the directory's identity (device and inode where the platform has them), so stores that reach
     * one directory through different paths share it. The first action of each lock first removes the temp
     * files of writes that were killed.
     *
     * @throws IOException if the lock is still held by another thread or process after the bound
     * @throws StateStoreException ({@code retryable()}) if the thread is interrupted while waiting; its
     *     interrupt flag stays set
     */
    @SuppressWarnings("try") // the FileLock is held for the block, never read in it
    <T> T run(Action<T> action) throws IOException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        try (Directory dir = scopeDir.create()) {
            ReentrantLock local = IN_JVM.computeIfAbsent(dir.identity(), d -> new ReentrantLock());
            lockInJvm(local, deadline);
            try (FileChannel channel = openLockFile(dir); FileLock held = lockFile(channel, deadline)) {
                removeAbandonedTempsOnce(dir);
                return action.run(dir);
            } finally {
                local.unlock();
            }
        }
    }

    private void lockInJvm(ReentrantLock local, long deadline) throws IOException {
        try {
            if (!local.tryLock() && !local.tryLock(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                throw timeout("another thread of this JVM holds it");
            }
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    private FileChannel openLockFile(Directory dir) throws IOException {
        BasicFileAttributes found = dir.attributes(FILE_NAME);
        if (found != null && !found.isRegularFile()) {
            throw FileTypeException.notRegularFile(scopeDir.path().resolve(FILE_NAME), found);
        }
        // Read and write: on Linux, opening so does not wait should a FIFO replace the file after the check.
        return dir.open(FILE_NAME, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                NOFOLLOW_LINKS);
    }

    private FileLock lockFile(FileChannel channel, long deadline) throws IOException {
        for (long pause = 1; ; pause = Math.min(pause * 2, MAX_PAUSE_MILLIS)) {
            FileLock held = channel.tryLock();
            if (held != null) {
                return held;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw timeout("another process holds it; is it stopped in the middle of a write?");
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(TimeUnit.MILLISECONDS.toNanos(pause), left));
            } catch (InterruptedException e) {
                throw interrupted(e);
            }
        }
    }

    private void removeAbandonedTempsOnce(Directory dir) {
        if (tempsRemoved.compareAndSet(false, true)) {
            try {
                int removed = files.removeAbandonedTemps(dir);
                if (removed > 0) {
                    LOG.info("Removed {} temp file(s) left in {} by writes that never finished", removed, scopeDir);
                }
            } catch (IOException e) {
                LOG.warn("Could not remove the temp files left in {} by writes that never finished: {}", scopeDir,
                        e.toString());
            }
        }
    }

    private IOException timeout(String holder) {
        return new IOException("could not take the scope's write lock " + scopeDir.path().resolve(FILE_NAME)
                + " within " + describe(maxWait) + ": " + holder);
    }

    private StateStoreException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new StateStoreException("Interrupted while waiting for the scope's write lock "
                + scopeDir.path().resolve(FILE_NAME), e, true);
    }

    /** Such as {@code 30 s} or {@code 250 ms}. */
    static String describe(Duration bound) {
        long millis = bound.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
