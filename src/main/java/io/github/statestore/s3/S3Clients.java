package io.github.statestore.s3;

import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Builds the SDK client an {@link S3Config} describes, with the SDK's own retries off so that the
 * {@link RetryingS3Client}'s policy is the only one. Stateless and thread-safe.
 */
final class S3Clients {
    private S3Clients() {
    }

    /** The retrying client for a config: the caller's client if it gave one, else a new one it owns. */
    static RetryingS3Client retrying(S3Config c) {
        if (c.client != null) {
            return new RetryingS3Client(c.client, false, c.bucket, c.retryPolicy, c.requestTimeout, Duration.ZERO);
        }
        S3ClientBuilder b = S3Client.builder()
                .httpClientBuilder(Apache5HttpClient.builder()
                        .maxConnections(c.maxConcurrency)
                        .connectionTimeout(c.attemptTimeout)
                        .socketTimeout(c.attemptTimeout))
                .credentialsProvider(c.credentials.provider())
                .overrideConfiguration(o -> o
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(c.attemptTimeout))
                .forcePathStyle(c.pathStyle)
                .region(Region.of(c.region != null ? c.region : regionFromChain()));
        if (c.endpoint != null) {
            b.endpointOverride(c.endpoint);
        }
        if (c.checksumsWhenRequired) {
            b.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return new RetryingS3Client(b.build(), true, c.bucket, c.retryPolicy, c.requestTimeout,
                c.attemptTimeout);
    }

    private static String regionFromChain() {
        try {
            return DefaultAwsRegionProviderChain.builder().build().getRegion().id();
        } catch (SdkClientException none) {
            return S3Config.FALLBACK_REGION;
        }
    }
}
