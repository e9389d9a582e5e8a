package io.github.statestore.r2;

import io.github.statestore.StoreConfig;
import io.github.statestore.spi.StoreProvider;
import io.github.statestore.spi.StoreUrl;

/**
 * Reads {@code r2://} URLs with {@link R2Config#fromUrl}. Found by {@link java.util.ServiceLoader}; use
 * {@link StoreConfig#parse} rather than this class. Stateless and thread-safe.
 */
public final class R2Provider implements StoreProvider {
    /** For {@link java.util.ServiceLoader}. */
    public R2Provider() {
    }

    @Override
    public String scheme() {
        return "r2";
    }

    @Override
    public StoreConfig fromUrl(StoreUrl url) {
        return R2Config.fromUrl(url);
    }
}
