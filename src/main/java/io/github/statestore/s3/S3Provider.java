package io.github.statestore.s3;

import io.github.statestore.StoreConfig;
import io.github.statestore.spi.StoreProvider;
import io.github.statestore.spi.StoreUrl;

/**
 * Reads {@code s3://} URLs with {@link S3Config#fromUrl}. Found by {@link java.util.ServiceLoader}; use
 * {@link StoreConfig#parse} rather than this class. Stateless and thread-safe.
 */
public final class S3Provider implements StoreProvider {
    /** For {@link java.util.ServiceLoader}. */
    public S3Provider() {
    }

    @Override
    public String scheme() {
        return "s3";
    }

    @Override
    public StoreConfig fromUrl(StoreUrl url) {
        return S3Config.fromUrl(url);
    }
}
