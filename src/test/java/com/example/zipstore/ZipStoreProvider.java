package com.example.zipstore;

import io.github.statestore.StoreConfig;
import io.github.statestore.spi.StoreProvider;
import io.github.statestore.spi.StoreUrl;
import java.nio.file.Path;

/** Reads {@code zip:<directory>} URLs. Registered in {@code META-INF/services} only. Stateless, thread-safe. */
public final class ZipStoreProvider implements StoreProvider {
    @Override
    public String scheme() {
        return "zip";
    }

    @Override
    public StoreConfig fromUrl(StoreUrl url) {
        String dir = url.opaquePart();
        if (dir == null || dir.isEmpty()) {
            throw url.fail("needs a directory, as zip:state or zip:/abs/state");
        }
        return new ZipStoreConfig(Path.of(dir));
    }
}
