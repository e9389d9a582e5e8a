package com.example.zipstore;

import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.spi.BackendStores;
import java.nio.file.Path;

/**
 * The ZIP store's config: a root directory under which each scope is one ZIP file. Immutable and thread-safe.
 *
 * @param root the directory the ZIP files live in
 */
public record ZipStoreConfig(Path root) implements StoreConfig {
    @Override
    public StateStore open(Scope scope) {
        return BackendStores.open(scope, new ZipBackend(root, scope), null);
    }
}
