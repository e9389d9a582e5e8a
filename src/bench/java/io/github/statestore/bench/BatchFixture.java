package io.github.statestore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What the many-key S3 benchmarks share: our store over a seeded scope at some concurrency, and a raw SDK
 * client with a pool of as many connections and threads. Not thread-safe: one benchmark thread uses it.
 */
final class BatchFixture implements AutoCloseable {
    private final StateStore store;
    private final S3Client raw;
    private final ExecutorService pool;
    private final String bucket;
    private final String prefix;
    private final List<String> keys;

    /**
     * @param endpoint {@code direct} or {@code slow}
     * @param scope a seeded scope
     * @param concurrency our store's {@code maxConcurrency}, and the raw loop's threads and connections
     */
    BatchFixture(String endpoint, Scope scope, int concurrency) {
        store = BenchEnv.store(endpoint, scope, concurrency);
        raw = BenchEnv.rawClient(BenchEnv.endpoint(endpoint), concurrency);
        pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "raw-read");
            t.setDaemon(true);
            return t;
        });
        bucket = BenchEnv.bucket();
        prefix = BenchEnv.scopePrefix(scope);
        keys = store.list();
    }

    /** Our {@code getBatch} of every seeded key. */
    Map<String, State> getBatch() {
        return check(store.getBatch(keys));
    }

    /** Our {@code all()}. */
    Map<String, State> all() {
        return check(store.all());
    }

    /** The raw loop over every seeded key. */
    List<JsonNode> rawGetBatch() {
        return check(RawS3.getAll(raw, pool, bucket, prefix, keys));
    }

    /** A raw listing, then the raw loop over what it found. */
    List<JsonNode> rawAll() {
        return check(RawS3.getAll(raw, pool, bucket, prefix, RawS3.list(raw, bucket, prefix)));
    }

    private <T> T check(T result) {
        int size = result instanceof Map<?, ?> m ? m.size() : ((List<?>) result).size();
        if (size != keys.size()) {
            throw new IllegalStateException("read " + size + " of " + keys.size() + " documents");
        }
        return result;
    }

    @Override
    public void close() {
        store.close();
        raw.close();
        pool.shutdownNow();
    }
}
