package io.github.statestore.fs;

import io.github.statestore.Scope;
import io.github.statestore.StorageException;
import io.github.statestore.key.NameStyle;
import io.github.statestore.spi.ScopeListing;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The FileSystem store's scopes: the directories below its root, their names unescaped by the config's
 * {@link NameStyle}. A symbolic link is not a scope and is never followed, as nowhere below the root. Used by
 * one thread.
 */
final class FileSystemScopes implements ScopeListing {
    private final FileLayout layout;
    private final NameStyle style;

    FileSystemScopes(FileLayout layout, NameStyle style) {
        this.layout = layout;
        this.style = style;
    }

    @Override
    public List<String> childNames(Scope parent) {
        Path dir = parent == null ? layout.root() : layout.scopeDir(parent);
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                BasicFileAttributes type = Files.readAttributes(entry, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                String name = type.isDirectory() ? style.unescape(entry.getFileName().toString()) : null;
                if (name != null) {
                    names.add(name);
                }
            }
        } catch (NoSuchFileException | NotDirectoryException absent) {
            return List.of();
        } catch (IOException e) {
            throw new StorageException("scopes", null, dir.toString(), e, false);
        }
        return names;
    }

    @Override
    public void close() {
    }
}
