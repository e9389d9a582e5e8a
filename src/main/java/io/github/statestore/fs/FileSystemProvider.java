package io.github.statestore.fs;

import io.github.statestore.StoreConfig;
import io.github.statestore.spi.StoreProvider;
import io.github.statestore.spi.StoreUrl;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Reads {@code file:} URLs: {@code file:<relative path>} or {@code file:///<absolute path>}, either with the
 * parameters {@code historyVersions} and {@code historyFor} (as in {@code file:.alchemy?historyVersions=10}).
 * Found by {@link java.util.ServiceLoader}; use {@link StoreConfig#parse} rather than this class. Stateless and
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
        String path = uri == null ? url.opaquePart() : null;
        if (path != null) {
            int query = path.indexOf('?');
            if (query >= 0) {
                url.parseQuery(path.substring(query + 1));
                path = path.substring(0, query);
            }
            if (path.isEmpty()) {
                throw url.fail("has no path; use file:.alchemy or file:///abs/path");
            }
        }
        FileSystemConfig.Builder b = FileSystemConfig.builder();
        url.takeHistory(b::history);
        url.finish();
        Path root;
        try {
            root = uri != null ? Path.of(new URI(uri.getScheme(), uri.getAuthority(), uri.getPath(), null, null))
                    : Path.of(path);
        } catch (IllegalArgumentException | URISyntaxException e) {
            throw url.fail("is not a valid file URL: " + e.getMessage());
        }
        url.set("path", root, b::root);
        return b.build();
    }
}
