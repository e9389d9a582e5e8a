package io.github.statestore.s3;

import io.github.statestore.InvalidConfigException;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Server-side encryption of the objects the S3 store writes: none (the bucket's default applies), S3-managed
 * keys ({@code AES256}), or KMS ({@code aws:kms}, with the AWS-managed key or a key id you name).
 * Immutable and thread-safe.
 */
public final class ServerSideEncryption {
    private static final ServerSideEncryption NONE = new ServerSideEncryption(null, null);

    private final String algorithm;
    private final String kmsKeyId;

    private ServerSideEncryption(String algorithm, String kmsKeyId) {
        this.algorithm = algorithm;
        this.kmsKeyId = kmsKeyId;
    }

    /** {@return no encryption header: the bucket's default encryption applies (the default)} */
    public static ServerSideEncryption none() {
        return NONE;
    }

    /** {@return S3-managed keys, {@code x-amz-server-side-encryption: AES256}} */
    public static ServerSideEncryption aes256() {
        return new ServerSideEncryption("AES256", null);
    }

    /**
     * Encryption with a KMS key (SSE-KMS).
     *
     * @param kmsKeyId a KMS key id or ARN, or {@code null} for the AWS-managed {@code aws/s3} key
     * @return KMS encryption, {@code x-amz-server-side-encryption: aws:kms}
     * @throws InvalidConfigException if the key id is blank
     */
    public static ServerSideEncryption kms(String kmsKeyId) {
        if (kmsKeyId != null && kmsKeyId.isBlank()) {
            throw new InvalidConfigException("serverSideEncryption.kmsKeyId", "must not be blank");
        }
        return new ServerSideEncryption("aws:kms", kmsKeyId);
    }

    /** {@return the algorithm header value, {@code AES256} or {@code aws:kms}; empty for none} */
    public Optional<String> algorithm() {
        return Optional.ofNullable(algorithm);
    }

    /** {@return the KMS key id; empty for none, or for KMS with the AWS-managed {@code aws/s3} key} */
    public Optional<String> kmsKeyId() {
        return Optional.ofNullable(kmsKeyId);
    }

    /** Adds this encryption's headers to a PutObject request. */
    void apply(PutObjectRequest.Builder request) {
        if (algorithm != null) {
            request.serverSideEncryption(algorithm);
        }
        if (kmsKeyId != null) {
            request.ssekmsKeyId(kmsKeyId);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerSideEncryption s && Objects.equals(s.algorithm, algorithm)
                && Objects.equals(s.kmsKeyId, kmsKeyId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, kmsKeyId);
    }

    @Override
    public String toString() {
        return algorithm == null ? "none" : algorithm + (kmsKeyId == null ? "" : "(" + kmsKeyId + ")");
    }
}
