package io.github.statestore.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.contract.AlchemyFixture;
import io.github.statestore.contract.SecretsContract;
import io.github.statestore.secret.Secret;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The secrets suite on S3 (S3Proxy's raw objects), and Alchemy's S3 secrets read with its password. */
class AlchemyS3SecretsIT extends SecretsContract {
    private static final String ALCHEMY_PASSWORD = "correct horse battery staple";

    private final S3Client raw = S3Server.rawClient();
    private final String bucket = S3Server.newBucket();

    @AfterEach
    void closeRawClient() {
        raw.close();
    }

    @Override
    protected StateStore open(String password) {
        S3Config.Builder config = S3Server.config(bucket);
        return (password == null ? config : config.password(password)).build().open(SCOPE);
    }

    @Override
    protected byte[] storedBytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (S3Object object : raw.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
            all.writeBytes(raw.getObjectAsBytes(b -> b.bucket(bucket).key(object.key())).asByteArray());
        }
        return all.toByteArray();
    }

    @Test
    void alchemysSecretsReadBackWithItsPassword() throws IOException {
        AlchemyS3Objects.load(raw, bucket);
        try (StateStore store = S3Server.config(bucket).password(ALCHEMY_PASSWORD).build()
                .open(AlchemyFixture.DEV)) {
            State state = store.get("with-secret").orElseThrow();
            assertEquals(Secret.of("sk-test-1234567890"), state.props().get("apiKey"));
            assertEquals(Secret.ofJson(Map.of("a", 1, "b", List.of("x"))), state.output().get("token"));
        }
    }
}
