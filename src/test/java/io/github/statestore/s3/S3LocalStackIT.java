package io.github.statestore.s3;

import io.github.statestore.HistoryPolicy;
import io.github.statestore.StoreConfig;
import io.github.statestore.contract.StateStoreContract;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The conformance suite on the S3 backend against LocalStack's S3 in Docker. Wherever no Docker engine runs,
 * every test is reported skipped with the reason "disabledWithoutDocker is true and Docker is not available".
 */
@Testcontainers(disabledWithoutDocker = true)
class S3LocalStackIT extends StateStoreContract {
    @Container
    private static final LocalStackContainer LOCALSTACK = new LocalStackContainer("localstack/localstack:4")
            .withServices("s3");

    @Override
    protected StoreConfig newConfig() {
        return builder().build();
    }

    @Override
    protected StoreConfig newConfig(HistoryPolicy policy) {
        return builder().history(policy).build();
    }

    /** {@return a config's builder for a new bucket on LocalStack} */
    private static S3Config.Builder builder() {
        String bucket = S3Server.newBucketName();
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(LOCALSTACK.getEndpoint())
                .forcePathStyle(true)
                .region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
                .build()) {
            s3.createBucket(b -> b.bucket(bucket));
        }
        return S3Config.builder()
                .bucket(bucket)
                .endpoint(LOCALSTACK.getEndpoint())
                .pathStyle(true)
                .region(LOCALSTACK.getRegion())
                .credentials(S3Credentials.of(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()));
    }
}
