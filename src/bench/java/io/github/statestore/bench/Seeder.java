package io.github.statestore.bench;

import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.fs.FileSystemConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes the benchmark data: the documents of {@link Documents}, byte for byte what our stores write, in
 * Alchemy's layout, so that our stores, the raw SDK and Alchemy read the same objects and files. S3 objects
 * are written with raw PUTs, {@value #PARALLEL} at a time. Thread-safe.
 */
final class Seeder {
    private static final int PARALLEL = 16;

    private Seeder() {
    }

    /**
     * Fills every seeded scope of a bucket: one document, 1,000 and 10,000 documents.
     *
     * @param s3 a client with a pool of at least {@value #PARALLEL} connections
     * @param bucket an existing bucket
     */
    static void seedBucket(S3Client s3, String bucket) {
        put(s3, bucket, BenchEnv.ONE, List.of(BenchEnv.ONE_KEY));
        put(s3, bucket, BenchEnv.K1000, Documents.keys(1000));
        put(s3, bucket, BenchEnv.K10000, Documents.keys(10_000));
    }

    /**
     * Writes one document per key into a scope, {@value #PARALLEL} at a time.
     *
     * @param s3 a client with a pool of at least {@value #PARALLEL} connections
     * @param bucket an existing bucket
     * @param scope the scope
     * @param keys keys without {@code /}, {@code :} or {@code %}, so that each is its own object name
     */
    static void put(S3Client s3, String bucket, Scope scope, List<String> keys) {
        String prefix = BenchEnv.scopePrefix(scope);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                byte[] body = Documents.state(i).toJsonBytes();
                String objectKey = prefix + keys.get(i);
                puts.add(pool.submit(() -> s3.putObject(r -> r.bucket(bucket).key(objectKey)
                        .contentType("application/json"), RequestBody.fromBytes(body))));
            }
            for (Future<?> put : puts) {
                put.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("seeding interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("seeding failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Fills a FileSystem root with our store: one document in {@link BenchEnv#ONE}, 1,000 in
     * {@link BenchEnv#K1000}.
     *
     * @param root the root directory
     */
    static void seedFileSystem(Path root) {
        FileSystemConfig config = FileSystemConfig.builder().root(root).build();
        try (StateStore one = config.open(BenchEnv.ONE); StateStore many = config.open(BenchEnv.K1000)) {
            one.set(BenchEnv.ONE_KEY, Documents.state(0));
            List<String> keys = Documents.keys(1000);
            for (int i = 0; i < keys.size(); i++) {
                many.set(keys.get(i), Documents.state(i));
            }
        }
    }
}
