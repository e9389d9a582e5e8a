package io.github.statestore.s3;

import io.github.statestore.BucketNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * Sets a bucket up as a state bucket should be, idempotently: it exists, versioning is on (every overwritten
 * or deleted state stays recoverable), objects are encrypted at rest by default (SSE-S3, AES-256), and public
 * access is blocked. Each step reads the setting first and changes only what is missing; a server that does
 * not implement a setting (S3-compatible servers differ; R2 has no versioning) is reported as such, never as
 * done. Each change it makes is logged at INFO. Stateless and thread-safe.
 */
public final class S3Bootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(S3Bootstrap.class);
    private static final int NOT_FOUND = 404;
    private static final int NOT_IMPLEMENTED = 501;
    private static final ServerSideEncryptionRule AES256_BY_DEFAULT = ServerSideEncryptionRule.builder()
            .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256)).build();

    private S3Bootstrap() {
    }

    /** What a step found or did. */
    public enum Outcome {
        /** The setting was missing and is now made. */
        DONE,
        /** The setting was already made; nothing changed. */
        ALREADY,
        /** The server does not implement the setting; nothing changed. */
        UNSUPPORTED
    }

    /**
     * One step of a bootstrap.
     *
     * @param setting what the step sets, such as {@code versioning}
     * @param outcome what it found or did
     * @param detail the setting's value now, or why it is unsupported
     */
    public record Step(String setting, Outcome outcome, String detail) {
    }

    /**
     * Sets the config's bucket up.
     *
     * @param config the bucket, its region, endpoint and credentials
     * @return the steps, in order: bucket, versioning, encryption, public access
     * @throws io.github.statestore.StateStoreException if a step fails for another reason than the server not
     *     implementing it (access denied, unreachable)
     */
    public static List<Step> run(S3Config config) {
        List<Step> steps = new ArrayList<>();
        try (RetryingS3Client s3 = S3Clients.retrying(config)) {
            steps.add(bucket(s3));
            steps.add(step(s3, "versioning", c -> BucketVersioningStatus.ENABLED.equals(
                    c.getBucketVersioning(r -> r.bucket(s3.bucket())).status()),
                    c -> c.putBucketVersioning(r -> r.bucket(s3.bucket())
                            .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED))), "enabled"));
            steps.add(step(s3, "encryption", c -> !c.getBucketEncryption(r -> r.bucket(s3.bucket()))
                    .serverSideEncryptionConfiguration().rules().isEmpty(),
                    c -> c.putBucketEncryption(r -> r.bucket(s3.bucket()).serverSideEncryptionConfiguration(e -> e
                            .rules(AES256_BY_DEFAULT))), "AES256 by default"));
            steps.add(step(s3, "public access", c -> blocked(c.getPublicAccessBlock(r -> r.bucket(s3.bucket()))
                    .publicAccessBlockConfiguration()),
                    c -> c.putPublicAccessBlock(r -> r.bucket(s3.bucket()).publicAccessBlockConfiguration(b -> b
                            .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true)
                            .restrictPublicBuckets(true))), "blocked"));
        }
        steps.stream().filter(s -> s.outcome() == Outcome.DONE && !s.setting().equals("bucket")).forEach(
                s -> LOG.info("Bootstrap of bucket '{}': {} is now {}", config.bucket(), s.setting(), s.detail()));
        return List.copyOf(steps);
    }

    private static Step bucket(RetryingS3Client s3) {
        try {
            s3.call(S3Operation.INIT, null, "s3://" + s3.bucket() + "/",
                    c -> c.listObjectsV2(r -> r.bucket(s3.bucket()).maxKeys(1)));
            return new Step("bucket", Outcome.ALREADY, s3.bucket());
        } catch (BucketNotFoundException missing) {
            S3Backend.createBucket(s3);
            return new Step("bucket", Outcome.DONE, s3.bucket());
        }
    }

    /** Reads a setting (a 404 means it is not made), and makes it when it is not. */
    private static Step step(RetryingS3Client s3, String setting, Function<S3Client, Boolean> isSet,
            Function<S3Client, Object> set, String value) {
        return s3.call(S3Operation.BOOTSTRAP, null, "s3://" + s3.bucket() + "/", c -> {
            try {
                if (isSetOrAbsent(c, isSet)) {
                    return new Step(setting, Outcome.ALREADY, value);
                }
                set.apply(c);
                return new Step(setting, Outcome.DONE, value);
            } catch (AwsServiceException e) {
                if (e.statusCode() != NOT_IMPLEMENTED) {
                    throw e;
                }
                String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
                return new Step(setting, Outcome.UNSUPPORTED, "the server does not implement it ("
                        + (code == null ? "HTTP " + NOT_IMPLEMENTED : code) + ")");
            }
        });
    }

    private static boolean isSetOrAbsent(S3Client c, Function<S3Client, Boolean> isSet) {
        try {
            return isSet.apply(c);
        } catch (AwsServiceException e) {
            if (e.statusCode() == NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    private static boolean blocked(PublicAccessBlockConfiguration c) {
        return Boolean.TRUE.equals(c.blockPublicAcls()) && Boolean.TRUE.equals(c.ignorePublicAcls())
                && Boolean.TRUE.equals(c.blockPublicPolicy()) && Boolean.TRUE.equals(c.restrictPublicBuckets());
    }
}
