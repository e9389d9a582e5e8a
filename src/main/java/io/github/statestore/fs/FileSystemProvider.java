package io.github.statestore.fs;

import io.github.statestore.StoreConfig;
import io.github.statestore.spi.StoreProvider;
import io.github.statestore.spi.StoreUrl;
import java.net.URI;
import java.nio.file.Path;

/**
 * Reads {@code file:} URLs: {@code file:<relative path>} or {@code file:///<absolute path>}. Found by
 * {@link java.util.ServiceLoader}; use {@link StoreConfig#parse} rather than this class. Stateless and
 * thread-safe.
 */
public final class FileSystemProvider implements StoreProvider {
    /** For {@link java.util.ServiceLoader}. */
    public FileSystemProvider() {
    }

    @Override
    public String scheme() {
        return "file";
    }

    @Override
    public StoreConfig fromUrl(StoreUrl url) {
        URI uri = url.uri();
        if (uri != null) {
            url.finish();
        } else if (url.opaquePart().isEmpty()) {
            throw url.fail("has no path; use file:.alchemy or file:///abs/path");
        }
        Path root;
        try {
            root = uri != null ? Path.of(uri) : Path.of(url.opaquePart());
        } catch (IllegalArgumentException e) {
            throw url.fail("is not a valid file URL: " + e.getMessage());
        }
        return StoreConfig.fileSystem(root);
    }
}
