package io.github.statestore.s3;

import java.net.URI;

/** Reads an {@link S3Config}'s package-private settings, for tests in other packages. Stateless and thread-safe. */
public final class S3ConfigProbe {
    private S3ConfigProbe() {
    }

    /** @return the region, or {@code null} for the AWS region chain */
    public static String region(S3Config c) {
        return c.region;
    }

    /** @return the endpoint, or {@code null} for AWS's */
    public static URI endpoint(S3Config c) {
        return c.endpoint;
    }

    /** @return whether requests address the bucket in the path */
    public static boolean pathStyle(S3Config c) {
        return c.pathStyle;
    }

    /** @return whether checksums are sent only where S3 requires them */
    public static boolean checksumsWhenRequired(S3Config c) {
        return c.checksumsWhenRequired;
    }

    /** @return whether init() creates a missing bucket */
    public static boolean createBucket(S3Config c) {
        return c.createBucket;
    }

    /** @return the credentials */
    public static S3Credentials credentials(S3Config c) {
        return c.credentials;
    }
}
