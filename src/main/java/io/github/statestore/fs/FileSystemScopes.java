package io.github.statestore.fs;

import io.github.statestore.Scope;
import io.github.statestore.StorageException;
import io.github.statestore.key.NameStyle;
import io.github.statestore.spi.ScopeListing;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The FileSystem store's scopes: the directories below its root, their names unescaped by the config's
 * {@link NameStyle}; a scope's own {@code %!}-prefixed folders (its history) are left out. Directories are
 * opened as the store opens them ({@link ScopeDirectory}, {@link Directory}): from the root, one at a time,
 * without following links, so a symbolic link is neither a scope nor followed. Used by one thread.
 */
final class FileSystemScopes implements ScopeListing {
    private final FileLayout layout;
    private final NameStyle style;
    private final AtomicFiles files;

    FileSystemScopes(FileLayout layout, NameStyle style, AtomicFiles files) {
        this.layout = layout;
        this.style = style;
        this.files = files;
    }

    @Override
    public List<String> childNames(Scope parent) {
        List<String> names = new ArrayList<>();
        try (Directory dir = open(parent)) {
            if (dir == null) {
                return names;
            }
            for (String entry : dir.names()) {
                if (entry.startsWith(Scope.RESERVED_PREFIX)) {
                    continue;
                }
                BasicFileAttributes type = dir.attributes(entry);
                String name = type != null && type.isDirectory() ? style.unescape(entry) : null;
                if (name != null) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new StorageException("scopes", null, (parent == null ? layout.root() : layout.scopeDir(parent))
                    .toString(), e, false);
        }
        return names;
    }

    /** @return the directory of {@code parent} (the root when null), or {@code null} when it does not exist */
    private Directory open(Scope parent) throws IOException {
        if (parent != null) {
            return new ScopeDirectory(layout.root(), layout.scopeDir(parent), files, true).open();
        }
        try {
            return Directory.openRoot(layout.root(), true);
        } catch (NoSuchFileException absent) {
            return null;
        }
    }

    @Override
    public void close() {
    }
}
