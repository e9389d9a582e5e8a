package io.github.statestore.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.contract.AlchemyFixture;
import io.github.statestore.key.KeyCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Proves the S3 store reads a bucket written by Alchemy 0.94's own S3StateStore (test resource
 * {@code alchemy-0.94/s3-objects.json}, see its README), loaded byte for byte into S3Proxy: each scope lists
 * exactly its own keys (unlike Alchemy, which also lists nested scopes' keys), values and tagged values are kept,
 * and each object written back is byte-identical to Alchemy's.
 */
class AlchemyS3FixturesIT {

    private final S3Client raw = S3Server.rawClient();
    private final String bucket = S3Server.newBucket();
    private final Map<String, JsonNode> objects = new LinkedHashMap<>();
    private final List<StateStore> stores = new ArrayList<>();

    @BeforeEach
    void loadAlchemysObjects() throws IOException {
        objects.putAll(AlchemyS3Objects.load(raw, bucket));
    }

    @AfterEach
    void close() {
        stores.forEach(StateStore::close);
        raw.close();
    }

    private StateStore open(Scope scope) {
        StateStore store = S3Server.config(bucket).build().open(scope);
        stores.add(store);
        return store;
    }

    @Test
    void eachScopeListsExactlyItsOwnKeys() {
        AlchemyFixture.assertEachScopeListsItsOwnKeys(this::open);
    }

    @Test
    void valuesAreWhatAlchemyWrote() {
        AlchemyFixture.assertValuesAreAlchemys(this::open);
    }

    @Test
    void secretEnvelopesAreKeptAsMaps() {
        State state = open(AlchemyFixture.DEV).get("with-secret").orElseThrow();
        assertEquals(Map.of("@secret", Map.of("version", "v1", "ciphertext", "rqayXUJ2/CMU48ynXJtl5G3+",
                "iv", "YlFkJh7H1t6lEWB9", "salt", "wPdbZ/GmhHKBpLSkX9h6lA==", "tag", "nAh67UMji5iz7AGFGK2RMA==")),
                state.props().get("apiKey"));
        assertEquals(Map.of("@secret", Map.of("data", Map.of("version", "v1",
                "ciphertext", "TPB1eyljLo0vR2VhbdsOYms=", "iv", "qhaz0itM8m+jjI+r",
                "salt", "W6cW1aucVAIe2xAwD2H+Ow==", "tag", "4X5YyJi0jUdwTG+qfRU16w=="))),
                state.output().get("token"));
    }

    @Test
    void everyObjectWrittenBackIsByteIdentical() {
        Map<String, String> rewritten = new LinkedHashMap<>();
        objects.forEach((objectKey, object) -> {
            List<String> names = new ArrayList<>(Arrays.asList(objectKey.split("/")));
            assertEquals("alchemy", names.remove(0));
            String key = KeyCodec.decode(names.remove(names.size() - 1));
            StateStore store = open(Scope.of(names));
            store.set(key, store.get(key).orElseThrow());
            ResponseBytes<GetObjectResponse> written = raw.getObjectAsBytes(b -> b.bucket(bucket).key(objectKey));
            assertArrayEquals(AlchemyS3Objects.body(object), written.asByteArray(), objectKey);
            assertEquals(object.get("contentType").asText(), written.response().contentType(), objectKey);
            rewritten.put(objectKey, key);
        });
        assertEquals(Map.of("alchemy/myapp/dev/api:database:connection", "api/database/connection",
                "alchemy/myapp/dev/bytes", "bytes", "alchemy/myapp/dev/my-res", "my-res",
                "alchemy/myapp/dev/nested-scope/child", "child", "alchemy/myapp/dev/with-secret", "with-secret",
                "alchemy/myapp/prod/my-res", "my-res"), rewritten);
    }
}
