package io.github.statestore.fs;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import io.github.statestore.spi.ChangeSignal;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A watch's signal on the FileSystem: the operating system's file watching of the scope's directory
 * ({@link WatchService}: inotify on Linux, ReadDirectoryChangesW on Windows), which fires on any entry
 * created, changed or deleted there, by any process. Where the JDK only polls (its {@code PollingWatchService},
 * as on macOS) or the OS refuses one more watch (Linux's {@code fs.inotify.max_user_instances}), the watch
 * polls instead. While the directory does not exist, {@link #await} tries to watch it again each time, and
 * reports a change once it can, for the look that follows to see what came meanwhile. Not thread-safe: one
 * watch's thread uses it.
 */
final class DirectoryWatch implements ChangeSignal {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryWatch.class);

    private final Path dir;
    private final WatchService service;
    private WatchKey key;

    private DirectoryWatch(Path dir, WatchService service) {
        this.dir = dir;
        this.service = service;
        this.key = register();
    }

    /**
     * A signal for a directory.
     *
     * @param dir the scope's directory, which may not exist yet
     * @return the OS's watch of it, or {@link ChangeSignal#none()} where there is none that does not poll
     */
    static ChangeSignal of(Path dir) {
        WatchService service;
        try {
            service = dir.getFileSystem().newWatchService();
        } catch (IOException | UnsupportedOperationException e) {
            LOG.info("Watching {} by polling only: the operating system watches no more directories ({})", dir,
                    e.toString());
            return ChangeSignal.none();
        }
        if (service.getClass().getSimpleName().equals("PollingWatchService")) {
            close(service);
            return ChangeSignal.none();
        }
        return new DirectoryWatch(dir, service);
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        if (key == null || !key.isValid()) {
            key = register();
            if (key != null) {
                return true;
            }
            return ChangeSignal.none().await(timeout);
        }
        WatchKey fired = service.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (fired == null) {
            return false;
        }
        do {
            fired.pollEvents();
            fired.reset();
            fired = service.poll();
        } while (fired != null);
        return true;
    }

    private WatchKey register() {
        try {
            return dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
        } catch (NoSuchFileException | NotDirectoryException | ClosedWatchServiceException absent) {
            return null;
        } catch (IOException e) {
            LOG.debug("Cannot watch {} for now; polling it", dir, e);
            return null;
        }
    }

    @Override
    public void close() {
        close(service);
    }

    private static void close(WatchService service) {
        try {
            service.close();
        } catch (IOException e) {
            LOG.debug("Closing a directory watch failed", e);
        }
    }

    @Override
    public String toString() {
        return "DirectoryWatch{" + dir + "}";
    }
}
