package io.github.statestore.memory;

import io.github.statestore.StoreConfig;
import io.github.statestore.spi.StoreProvider;
import io.github.statestore.spi.StoreUrl;

/**
 * Reads the {@code memory:} URL: a new, empty in-memory space. Found by {@link java.util.ServiceLoader}; use
 * {@link StoreConfig#parse} rather than this class. Stateless and thread-safe.
 */
public final class MemoryProvider implements StoreProvider {
    /** For {@link java.util.ServiceLoader}. */
    public MemoryProvider() {
    }

    @Override
    public String scheme() {
        return "memory";
    }

    @Override
    public StoreConfig fromUrl(StoreUrl url) {
        if (!"".equals(url.opaquePart())) {
            throw url.fail("names more than the memory backend, which takes no path or parameters; use memory:");
        }
        return StoreConfig.memory();
    }
}
