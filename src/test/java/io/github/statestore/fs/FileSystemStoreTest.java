package io.github.statestore.fs;

import io.github.statestore.StoreConfig;
import io.github.statestore.contract.StateStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The conformance suite on the FileSystem backend. */
class FileSystemStoreTest extends StateStoreContract {
    @TempDir
    Path dir;

    @Override
    protected StoreConfig newConfig() {
        return StoreConfig.fileSystem(dir.resolve(".alchemy"));
    }
}
