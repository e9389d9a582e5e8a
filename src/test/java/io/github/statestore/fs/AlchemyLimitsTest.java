package io.github.statestore.fs;

import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.contract.AlchemyLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents in Alchemy's FileSystem layout: a 13 MB one reads and is written back byte for byte; one past the
 * limits is reported corrupt and left as it is.
 */
class AlchemyLimitsTest {
    @TempDir
    Path dir;

    @Test
    void aThirteenMegabyteAlchemyDocumentReadsAndRewritesUnchanged() throws IOException {
        try (StateStore store = storeHolding(AlchemyLimits.largeDocument())) {
            AlchemyLimits.assertLargeDocumentReadsAndRewritesUnchanged(store, stored());
        }
    }

    @Test
    void anAlchemyDocumentPastTheLimitsIsCorruptAndKept() throws IOException {
        try (StateStore store = storeHolding(AlchemyLimits.tooDeepDocument())) {
            AlchemyLimits.assertTooDeepDocumentIsCorrupt(store, stored());
        }
    }

    private StateStore storeHolding(byte[] document) throws IOException {
        Files.createDirectories(file().getParent());
        Files.write(file(), document);
        return StoreConfig.fileSystem(dir.resolve(".alchemy")).open(Scope.of("app", "dev"));
    }

    private Supplier<byte[]> stored() {
        return () -> {
            try {
                return Files.readAllBytes(file());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private Path file() {
        return dir.resolve(".alchemy/app/dev/site:bundle.json");
    }
}
