package io.github.statestore.s3;

import io.github.statestore.InvalidConfigException;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Where the S3 store gets its credentials: the AWS default chain (environment, profile, container or
 * instance role), a named profile, or static keys. {@link #toString()} never shows a secret.
 * Immutable and thread-safe.
 */
public final class S3Credentials {
    private final String kind;
    private final String profile;
    private final String accessKeyId;
    private final String secretAccessKey;
    private final String sessionToken;

    private S3Credentials(String kind, String profile, String accessKeyId, String secretAccessKey, String sessionToken) {
        this.kind = kind;
        this.profile = profile;
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.sessionToken = sessionToken;
    }

    /** @return the AWS default credentials chain (the default) */
    public static S3Credentials defaultChain() {
        return new S3Credentials("defaultChain", null, null, null, null);
    }

    /**
     * @param profile a profile of {@code ~/.aws/credentials} or {@code ~/.aws/config}
     * @return credentials from that profile
     * @throws InvalidConfigException if the name is blank
     */
    public static S3Credentials profile(String profile) {
        return new S3Credentials("profile", require("credentials.profile", profile), null, null, null);
    }

    /**
     * @param accessKeyId the access key id
     * @param secretAccessKey the secret access key
     * @return static credentials
     * @throws InvalidConfigException if either is blank
     */
    public static S3Credentials of(String accessKeyId, String secretAccessKey) {
        return new S3Credentials("static", null, require("credentials.accessKeyId", accessKeyId),
                require("credentials.secretAccessKey", secretAccessKey), null);
    }

    /**
     * @param accessKeyId the access key id
     * @param secretAccessKey the secret access key
     * @param sessionToken the session token of temporary credentials
     * @return static temporary credentials
     * @throws InvalidConfigException if any is blank
     */
    public static S3Credentials of(String accessKeyId, String secretAccessKey, String sessionToken) {
        return new S3Credentials("static", null, require("credentials.accessKeyId", accessKeyId),
                require("credentials.secretAccessKey", secretAccessKey),
                require("credentials.sessionToken", sessionToken));
    }

    /** @return the SDK provider for these credentials */
    AwsCredentialsProvider provider() {
        return switch (kind) {
            case "profile" -> ProfileCredentialsProvider.create(profile);
            case "static" -> StaticCredentialsProvider.create(sessionToken == null
                    ? AwsBasicCredentials.create(accessKeyId, secretAccessKey)
                    : AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken));
            default -> DefaultCredentialsProvider.builder().build();
        };
    }

    private static String require(String setting, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidConfigException(setting, "must not be blank");
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof S3Credentials c && c.kind.equals(kind) && Objects.equals(c.profile, profile)
                && Objects.equals(c.accessKeyId, accessKeyId)
                && Objects.equals(c.secretAccessKey, secretAccessKey)
                && Objects.equals(c.sessionToken, sessionToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, profile, accessKeyId);
    }

    /** Names the kind of credentials; shows only the access key id's first four characters, never a secret. */
    @Override
    public String toString() {
        return switch (kind) {
            case "profile" -> "profile(" + profile + ")";
            case "static" -> "static(" + accessKeyId.substring(0, Math.min(4, accessKeyId.length())) + "…)";
            default -> "defaultChain";
        };
    }
}
