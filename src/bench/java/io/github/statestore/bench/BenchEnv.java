package io.github.statestore.bench;

import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.s3.S3Config;
import io.github.statestore.s3.S3Credentials;
import io.github.statestore.s3.S3Server;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where the benchmarks find their servers and data, passed by {@link BenchSuite} to each forked JMH JVM
 * as system properties, and the two ways every S3 benchmark reaches a server: our store, and a raw SDK
 * client built with the settings our store's own client gets (the SDK's Apache 5 HTTP client with a pool of
 * {@code concurrency} connections, 10 s timeouts, no SDK retries, path-style, default checksums).
 * Stateless and thread-safe.
 */
final class BenchEnv {
    /** The prefix and scopes of the seeded data, Alchemy's layout. */
    static final String PREFIX = "alchemy/";
    /** A scope holding one document, {@link #ONE_KEY}. */
    static final Scope ONE = Scope.of("bench", "one");
    /** The key read by the single-get benchmarks. */
    static final String ONE_KEY = "resource";
    /** The key written by the single-set benchmarks. */
    static final String WRITTEN_KEY = "written";
    /** A scope holding 1,000 documents. */
    static final Scope K1000 = Scope.of("bench", "k1000");
    /** A scope holding 10,000 documents. */
    static final Scope K10000 = Scope.of("bench", "k10000");
    /** A scope the clear benchmarks fill and empty. */
    static final Scope CLEAR = Scope.of("bench", "clear");
    /**
     * Our store's default {@code maxConcurrency}, read from the library, used by every S3 benchmark unless it
     * varies it.
     */
    static final int DEFAULT_CONCURRENCY = S3Config.builder().bucket("bench").build().maxConcurrency();
    /** The latency the slow endpoint adds to every request. */
    static final Duration LATENCY = Duration.ofMillis(20);

    static final String DIRECT_PROPERTY = "bench.direct";
    static final String SLOW_PROPERTY = "bench.slow";
    static final String MEMORY_PROPERTY = "bench.memory";
    static final String MEMORY_DIRECT_PROPERTY = "bench.memoryDirect";
    static final String BUCKET_PROPERTY = "bench.bucket";
    static final String FS_ROOT_PROPERTY = "bench.fsRoot";
    /** How many seconds {@link JitWarmup} calls each S3 benchmark before JMH measures it. */
    static final String JIT_WARMUP_PROPERTY = "bench.jitWarmupSeconds";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private BenchEnv() {
    }

    /**
     * @param endpoint {@code direct} (S3Proxy itself), {@code slow} (through the 20 ms latency proxy),
     *     {@code mem20} (the in-memory endpoint that answers 20 ms after each request) or {@code mem} (the
     *     same data answered at once)
     * @return the endpoint's URI
     */
    static URI endpoint(String endpoint) {
        return URI.create(required(switch (endpoint) {
            case "direct" -> DIRECT_PROPERTY;
            case "slow" -> SLOW_PROPERTY;
            case "mem20" -> MEMORY_PROPERTY;
            case "mem" -> MEMORY_DIRECT_PROPERTY;
            default -> throw new IllegalArgumentException("unknown endpoint " + endpoint);
        }));
    }

    /**
     * @param endpoint an endpoint name of {@link #endpoint(String)}
     * @return the endpoint with the same data and no added latency: {@code direct} for {@code slow},
     *     {@code mem} for {@code mem20}, else the endpoint itself
     */
    static String withoutLatency(String endpoint) {
        return switch (endpoint) {
            case "slow" -> "direct";
            case "mem20" -> "mem";
            default -> endpoint;
        };
    }

    /** @return the bucket holding the seeded data */
    static String bucket() {
        return required(BUCKET_PROPERTY);
    }

    /** @return the root of the seeded FileSystem data */
    static Path fsRoot() {
        return Path.of(required(FS_ROOT_PROPERTY));
    }

    /** Our S3 store for a scope of the bench bucket. */
    static StateStore store(String endpoint, Scope scope, int concurrency) {
        return S3Config.builder()
                .bucket(bucket())
                .endpoint(endpoint(endpoint))
                .pathStyle(true)
                .region("us-east-1")
                .credentials(S3Credentials.of(S3Server.ACCESS_KEY, S3Server.SECRET_KEY))
                .maxConcurrency(concurrency)
                .build()
                .open(scope);
    }

    /** A raw SDK client with our store's client settings, so on the same Apache 5 HTTP client. */
    static S3Client rawClient(URI endpoint, int concurrency) {
        return S3Client.builder()
                .httpClientBuilder(Apache5HttpClient.builder()
                        .maxConnections(concurrency)
                        .connectionTimeout(TIMEOUT)
                        .socketTimeout(TIMEOUT))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)))
                .overrideConfiguration(o -> o
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(TIMEOUT))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .endpointOverride(endpoint)
                .build();
    }

    /** The object-key prefix of a scope's documents: {@code alchemy/bench/k1000/}. */
    static String scopePrefix(Scope scope) {
        return PREFIX + String.join("/", scope.names()) + "/";
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set: start the benchmarks "
                    + "with BenchSuite (see docs/performance.md)");
        }
        return value;
    }
}
