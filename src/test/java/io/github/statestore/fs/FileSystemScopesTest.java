package io.github.statestore.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StateStores;
import io.github.statestore.StoreConfig;
import io.github.statestore.contract.ContractFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scope discovery on the FileSystem store lists directories only, and neither lists nor follows a link. */
class FileSystemScopesTest {
    @TempDir
    Path dir;

    @Test
    void aLinkBelowTheRootIsNeitherListedNorFollowed() throws Exception {
        Path root = dir.resolve("root");
        FileSystemConfig config = StoreConfig.fileSystem(root);
        try (StateStore store = config.open(Scope.of("app", "dev"))) {
            store.set("k", ContractFixture.state("k"));
        }
        Path outside = Files.createDirectories(dir.resolve("outside/secret/deeper"));
        Files.createSymbolicLink(root.resolve("linked"), outside.getParent());
        Files.createSymbolicLink(root.resolve("app/linked"), outside);
        Files.writeString(root.resolve("app/file.json"), "{}");

        assertEquals(List.of(Scope.of("app"), Scope.of("app", "dev")), StateStores.scopes(config));
    }
}
