package com.example.zipstore;

import io.github.statestore.StoreConfig;
import io.github.statestore.contract.Capability;
import io.github.statestore.contract.StateStoreContract;
import java.nio.file.Path;
import java.util.Set;
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

    /** The ZIP store keeps no expiry: the kit skips its expiry tests, each naming the reason. */
    @Override
    protected Set<Capability> capabilities() {
        Set<Capability> capabilities = super.capabilities();
        capabilities.remove(Capability.EXPIRY);
        return capabilities;
    }
}
