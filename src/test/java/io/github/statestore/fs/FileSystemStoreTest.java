package io.github.statestore.fs;

import io.github.statestore.HistoryPolicy;
import io.github.statestore.Scope;
import io.github.statestore.StoreConfig;
import io.github.statestore.contract.StateStoreContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/** The conformance suite on the FileSystem backend. */
class FileSystemStoreTest extends StateStoreContract {
    @TempDir
    Path dir;
    private int spaces;

    @Override
    protected StoreConfig newConfig() {
        return StoreConfig.fileSystem(dir.resolve(".alchemy"));
    }

    @Override
    protected StoreConfig newConfig(HistoryPolicy policy) {
        return FileSystemConfig.builder().root(dir.resolve("history-" + ++spaces)).history(policy).build();
    }

    /** The {@code .json} files below the scope's directory, as Alchemy's FileSystem store lists documents. */
    @Override
    protected List<String> rawDocumentNames(StoreConfig config, Scope scope) throws Exception {
        Path scopeDir = ((FileSystemConfig) config).scopeDirectory(scope);
        try (Stream<Path> files = Files.walk(scopeDir)) {
            return files.filter(Files::isRegularFile).map(f -> scopeDir.relativize(f).toString().replace('\\', '/'))
                    .filter(name -> name.endsWith(".json")).sorted().toList();
        }
    }
}
