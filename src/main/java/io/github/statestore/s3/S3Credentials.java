package io.github.statestore.s3;

import io.github.statestore.InvalidConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFileLocation;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;

/**
 * Where the S3 store gets its credentials: the AWS default chain (environment, profile, container or
 * instance role), a named profile, or static keys. They report their {@link #kind()} and, for a profile, its
 * name; no method returns a key. {@link #toString()} never shows a secret. Two are equal when they are of
 * the same kind with the same profile or keys, secrets included; {@link #hashCode()} leaves the secrets out.
 * Immutable and thread-safe.
 */
public final class S3Credentials {
    /** Where credentials come from. */
    public enum Kind {
        /** The AWS default credentials chain: environment, profile, container or instance role. */
        DEFAULT_CHAIN,
        /** A named profile of the AWS configuration files. */
        PROFILE,
        /** Static keys: an access key id, its secret, and perhaps a session token. */
        STATIC
    }

    private final Kind kind;
    private final String profile;
    private final String accessKeyId;
    private final String secretAccessKey;
    private final String sessionToken;

    private S3Credentials(Kind kind, String profile, String accessKeyId, String secretAccessKey, String sessionToken) {
        this.kind = kind;
        this.profile = profile;
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.sessionToken = sessionToken;
    }

    /** {@return the AWS default credentials chain (the default)} */
    public static S3Credentials defaultChain() {
        return new S3Credentials(Kind.DEFAULT_CHAIN, null, null, null, null);
    }

    /**
     * Credentials from a named profile of the AWS configuration files.
     *
     * @param profile a profile of {@code ~/.aws/credentials} or {@code ~/.aws/config}
     * @return credentials from that profile
     * @throws InvalidConfigException if the name is blank
     */
    public static S3Credentials profile(String profile) {
        return new S3Credentials(Kind.PROFILE, require("credentials.profile", profile), null, null, null);
    }

    /**
     * Static credentials: an access key id and its secret.
     *
     * @param accessKeyId the access key id
     * @param secretAccessKey the secret access key
     * @return static credentials
     * @throws InvalidConfigException if either is blank
     */
    public static S3Credentials of(String accessKeyId, String secretAccessKey) {
        return new S3Credentials(Kind.STATIC, null, require("credentials.accessKeyId", accessKeyId),
                require("credentials.secretAccessKey", secretAccessKey), null);
    }

    /**
     * Static temporary credentials: an access key id, its secret and a session token.
     *
     * @param accessKeyId the access key id
     * @param secretAccessKey the secret access key
     * @param sessionToken the session token of temporary credentials
     * @return static temporary credentials
     * @throws InvalidConfigException if any is blank
     */
    public static S3Credentials of(String accessKeyId, String secretAccessKey, String sessionToken) {
        return new S3Credentials(Kind.STATIC, null, require("credentials.accessKeyId", accessKeyId),
                require("credentials.secretAccessKey", secretAccessKey),
                require("credentials.sessionToken", sessionToken));
    }

    /** {@return where these credentials come from} */
    public Kind kind() {
        return kind;
    }

    /** {@return the profile's name, for credentials of kind {@link Kind#PROFILE}; else empty} */
    public Optional<String> profileName() {
        return Optional.ofNullable(profile);
    }

    /**
     * The SDK provider for these credentials. It looks them up at a client's first request; when the default
     * chain or the profile gives none, it throws an {@link SdkClientException} caused by {@link Missing}, which
     * says in a few lines where it looked (the SDK's own account of each place is that one's cause).
     *
     * @return the provider
     */
    AwsCredentialsProvider provider() {
        if (kind == Kind.STATIC) {
            return StaticCredentialsProvider.create(sessionToken == null
                    ? AwsBasicCredentials.create(accessKeyId, secretAccessKey)
                    : AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken));
        }
        AwsCredentialsProvider lookup = kind == Kind.PROFILE ? ProfileCredentialsProvider.create(profile)
                : DefaultCredentialsProvider.builder().build();
        return () -> {
            try {
                return lookup.resolveCredentials();
            } catch (SdkClientException none) {
                Missing missing = new Missing(whereLooked(), none);
                throw SdkClientException.create(missing.getMessage(), missing);
            }
        };
    }

    private String whereLooked() {
        String files = ProfileFileLocation.credentialsFilePath() + exists(ProfileFileLocation.credentialsFilePath())
                + " and " + ProfileFileLocation.configurationFilePath()
                + exists(ProfileFileLocation.configurationFilePath());
        if (kind == Kind.PROFILE) {
            return "no AWS credentials found in profile '" + profile + "' of " + files;
        }
        return "no AWS credentials found. The AWS default chain looked at the system properties aws.accessKeyId "
                + "and aws.secretAccessKey, the variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
                + "AWS_WEB_IDENTITY_TOKEN_FILE, profile '"
                + ProfileFileSystemSetting.AWS_PROFILE.getStringValue().orElse("default") + "' in " + files
                + ", container credentials and the EC2 instance metadata. Set one of them, or build the config with "
                + "S3Credentials.of(...) or S3Credentials.profile(...)";
    }

    private static String exists(Path file) {
        return Files.isRegularFile(file) ? "" : " (absent)";
    }

    /**
     * The cause of a failed credentials lookup: its message says where the lookup looked, and its cause is the
     * SDK's error. Unchecked, never thrown to users by itself.
     */
    static final class Missing extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Missing(String whereLooked, Throwable sdkError) {
            super(whereLooked, sdkError);
        }
    }

    private static String require(String setting, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidConfigException(setting, "must not be blank");
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof S3Credentials c && c.kind == kind && Objects.equals(c.profile, profile)
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
            case PROFILE -> "profile(" + profile + ")";
            case STATIC -> "static(" + accessKeyId.substring(0, Math.min(4, accessKeyId.length())) + "…)";
            case DEFAULT_CHAIN -> "defaultChain";
        };
    }
}
