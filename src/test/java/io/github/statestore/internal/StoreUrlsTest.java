package io.github.statestore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.statestore.StoreConfig;
import io.github.statestore.spi.StoreProvider;
import io.github.statestore.spi.StoreUrl;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The messages for a scheme no installed provider reads. */
class StoreUrlsTest {
    private static final Map<String, StoreProvider> ONLY_ZIP = new TreeMap<>(Map.of("zip", new StoreProvider() {
        @Override
        public String scheme() {
            return "zip";
        }

        @Override
        public StoreConfig fromUrl(StoreUrl url) {
            throw new UnsupportedOperationException();
        }
    }));

    @Test
    void aWellKnownSchemeWithoutItsProviderSaysWhichArtifactShipsIt() {
        assertEquals("'s3://b' needs the S3 store, whose provider is not installed: it ships in "
                + "io.github.statestore:statestore; a shaded or merged jar must keep (and merge) "
                + "META-INF/services/io.github.statestore.spi.StoreProvider. Installed schemes: zip:",
                StoreUrls.unknown("s3://b", "s3", ONLY_ZIP));
    }

    @Test
    void anUnknownSchemeListsTheInstalledOnes() {
        assertEquals("unknown scheme in 'gs://b'; the installed store providers read zip:",
                StoreUrls.unknown("gs://b", "gs", ONLY_ZIP));
        assertEquals("unknown scheme in 'gs://b'; the installed store providers read none",
                StoreUrls.unknown("gs://b", "gs", Map.of()));
    }
}
