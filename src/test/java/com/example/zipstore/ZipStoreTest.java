package com.example.zipstore;

import io.github.statestore.StoreConfig;
import io.github.statestore.contract.StateStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance kit on a backend written outside the core's packages: the ZIP store, found by
 * {@link java.util.ServiceLoader} through its {@code META-INF/services} entry and opened by URL.
 */
class ZipStoreTest extends StateStoreContract {
    @TempDir
    Path dir;

    @Override
    protected StoreConfig newConfig() {
        return StoreConfig.parse("zip:" + dir);
    }
}
