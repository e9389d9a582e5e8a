package io.github.statestore.s3;

import io.github.statestore.Scope;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One real S3 API server (S3Proxy, in memory) on a random loopback port, started once per test JVM
 * and shared by every S3 and R2 test; each test isolates itself with a bucket of its own. Stores reach it
 * through a {@link FaultProxy} without faults, which makes its conditional writes atomic as S3's are
 * (see there); the server itself is at {@link #s3ProxyEndpoint()}.
 */
public final class S3Server {
    /** The access key id the server accepts. */
    public static final String ACCESS_KEY = "AKIASTATESTORETEST01";
    /** The secret access key the server accepts. */
    public static final String SECRET_KEY = "statestore-test-secret-0123456789abcdef";

    private static S3ProxyExtension server;
    private static FaultProxy front;

    private S3Server() {
    }

    /**
     * The endpoint stores use: S3Proxy behind a proxy that makes its conditional writes atomic. Starts both
     * on first use.
     *
     * @return an {@code http://127.0.0.1:<port>} URI
     */
    public static synchronized URI endpoint() {
        if (front == null) {
            front = FaultProxy.to(s3ProxyEndpoint().getPort());
        }
        return front.endpoint();
    }

    /**
     * S3Proxy's own endpoint, starting it on first use.
     *
     * @return an {@code http://127.0.0.1:<port>} URI
     */
    static synchronized URI s3ProxyEndpoint() {
        if (server == null) {
            S3ProxyExtension s = S3ProxyExtension.builder().withCredentials(ACCESS_KEY, SECRET_KEY)
                    .withBlobStoreProvider("transient-nio2").build();
            try {
                s.beforeEach(null);
            } catch (Exception e) {
                throw new IllegalStateException("S3Proxy did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> s.afterEach(null)));
            server = s;
        }
        URI uri = server.getUri();
        return URI.create("http://127.0.0.1:" + uri.getPort());
    }

    /**
     * A new bucket name, unique in this JVM.
     *
     * @return a valid bucket name
     */
    public static String newBucketName() {
        return "t-" + UUID.randomUUID().toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Creates a new, empty bucket on the server.
     *
     * @return its name
     */
    public static String newBucket() {
        String bucket = newBucketName();
        try (S3Client s3 = rawClient()) {
            s3.createBucket(b -> b.bucket(bucket));
        }
        return bucket;
    }

    /**
     * A store config for a bucket on this server.
     *
     * @param bucket the bucket
     * @return a builder to adjust further
     */
    public static S3Config.Builder config(String bucket) {
        return S3Config.builder()
                .bucket(bucket)
                .endpoint(endpoint())
                .pathStyle(true)
                .region("us-east-1")
                .credentials(S3Credentials.of(ACCESS_KEY, SECRET_KEY));
    }

    /**
     * A plain SDK client for the server, for setting up and checking tests from outside the store.
     *
     * @return a client; close it when done
     */
    public static S3Client rawClient() {
        return S3Client.builder()
                .endpointOverride(endpoint())
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    /**
     * What Alchemy's S3 store lists of a scope: every object under the scope's prefix, nested scopes' too (it
     * lists without a delimiter).
     *
     * @param bucket the bucket
     * @param prefix the store's prefix
     * @param scope the scope
     * @return the object keys below {@code <prefix><scope>/}, relative to it, sorted
     */
    public static List<String> objectNamesUnder(String bucket, String prefix, Scope scope) {
        String scopePrefix = prefix + String.join("/", scope.names()) + "/";
        try (S3Client s3 = rawClient()) {
            return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(scopePrefix)).contents().stream()
                    .map(o -> o.key().substring(scopePrefix.length())).sorted().toList();
        }
    }
}
