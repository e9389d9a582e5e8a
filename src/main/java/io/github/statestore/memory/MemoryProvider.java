package io.github.statestore.memory;

import io.github.statestore.HistoryPolicy;
import io.github.statestore.StoreConfig;
import io.github.statestore.spi.StoreProvider;
import io.github.statestore.spi.StoreUrl;

/**
 * Reads the {@code memory:} URL: a new, empty in-memory space, whose stores keep history when the URL has
 * {@code historyVersions} or {@code historyFor} (as in {@code memory:?historyVersions=10}). Found by
 * {@link java.util.ServiceLoader}; use {@link StoreConfig#parse} rather than this class. Stateless and
 * thread-safe.
 */
public final class MemoryProvider implements StoreProvider {
    /** For {@link java.util.ServiceLoader}. */
    public MemoryProvider() {
    }

    @Override
    public String scheme() {
        return "memory";
    }

    @Override
    public StoreConfig fromUrl(StoreUrl url) {
        String rest = url.opaquePart();
        if (rest == null || !(rest.isEmpty() || rest.startsWith("?"))) {
            throw url.fail("names more than the memory backend, which takes no path; use memory: (or "
                    + "memory:?historyVersions=10 to keep history)");
        }
        url.parseQuery(rest.isEmpty() ? "" : rest.substring(1));
        HistoryPolicy[] history = {HistoryPolicy.off()};
        url.takeHistory(policy -> history[0] = policy);
        url.finish();
        return new MemoryConfig(null, history[0]);
    }
}
