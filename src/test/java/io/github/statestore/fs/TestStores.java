package io.github.statestore.fs;

import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.internal.BackendStateStore;
import io.github.statestore.key.NameStyle;
import io.github.statestore.internal.Passwords;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Opens FileSystem stores as {@link FileSystemConfig#open} does, with what only tests change: a short bound on
 * the wait for the scope's lock, and the by-path fallback that JDKs without a secure directory stream use.
 */
final class TestStores {
    private TestStores() {
    }

    /**
     * @param root the root, resolved as {@code FileSystemConfig} resolves it
     * @param scope the scope
     * @param lockWait the longest a write waits for the scope's lock
     * @param secureDirectories {@code false} for the by-path fallback
     */
    static StateStore open(Path root, Scope scope, Duration lockWait, boolean secureDirectories) throws IOException {
        FileLayout layout = new FileLayout(ScopeDirectory.realRoot(root), NameStyle.POSIX);
        FileSystemBackend backend = new FileSystemBackend(layout, scope, new AtomicFiles(true), lockWait,
                secureDirectories);
        return new BackendStateStore(scope, backend, Passwords.codec(null, Map.of()));
    }

    /** The lock of a scope's directory, as a store of that scope takes it. */
    static ScopeLock lock(Path root, Scope scope, Duration lockWait) throws IOException {
        FileLayout layout = new FileLayout(ScopeDirectory.realRoot(root), NameStyle.POSIX);
        AtomicFiles files = new AtomicFiles(true);
        return new ScopeLock(new ScopeDirectory(layout.root(), layout.scopeDir(scope), files, true), files,
                lockWait);
    }
}
