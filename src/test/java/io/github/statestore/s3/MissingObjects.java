package io.github.statestore.s3;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Tells {@link FaultProxy} whether the object a path-style request names exists, by a HEAD signed with
 * {@link S3Server}'s credentials and sent straight to S3Proxy. S3 answers a {@code DELETE} with {@code If-Match}
 * of a missing object with 404 {@code NoSuchKey}; S3Proxy 4.1.0 deletes nothing and answers 204, so of two
 * racing conditional deletes of one object both would succeed. The proxy asks this before forwarding such a
 * delete, inside its lock of the object, and answers 404 itself. Thread-safe.
 */
final class MissingObjects implements AutoCloseable {
    private final int targetPort;
    private S3Client s3;

    MissingObjects(int targetPort) {
        this.targetPort = targetPort;
    }

    /**
     * @param path a path-style request path, {@code /<bucket>/<percent-encoded key>}
     * @return whether the object does not exist
     */
    boolean isMissing(String path) {
        int slash = path.indexOf('/', 1);
        String bucket = path.substring(1, slash);
        String key = URLDecoder.decode(path.substring(slash + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
        try {
            client().headObject(r -> r.bucket(bucket).key(key));
            return false;
        } catch (NoSuchKeyException missing) {
            return true;
        }
    }

    private synchronized S3Client client() {
        if (s3 == null) {
            s3 = S3Client.builder()
                    .endpointOverride(URI.create("http://127.0.0.1:" + targetPort))
                    .forcePathStyle(true)
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)))
                    .build();
        }
        return s3;
    }

    @Override
    public synchronized void close() {
        if (s3 != null) {
            s3.close();
        }
    }
}
