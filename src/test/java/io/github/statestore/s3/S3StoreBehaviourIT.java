package io.github.statestore.s3;

import static io.github.statestore.contract.StateStoreContract.state;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.InvalidKeyException;
import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Proves, against a real S3 API server (S3Proxy), that the S3 store writes Alchemy's object layout and
 * content type under the default, a custom and the empty prefix, encrypts when told to, and enforces S3's
 * 1,024-byte object-key limit exactly.
 */
class S3StoreBehaviourIT {
    private static final Scope MY_APP_DEV = Scope.of("my-app", "dev");

    private final S3Client raw = S3Server.rawClient();
    private final String bucket = S3Server.newBucket();
    private final List<StateStore> stores = new ArrayList<>();

    @AfterEach
    void close() {
        stores.forEach(StateStore::close);
        raw.close();
    }

    private StateStore open(S3Config.Builder config) {
        StateStore store = config.build().open(MY_APP_DEV);
        stores.add(store);
        return store;
    }

    private List<String> objectKeys() {
        return raw.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).toList();
    }

    private void assertAlchemyObject(String objectKey, State state) {
        HeadObjectResponse head = raw.headObject(b -> b.bucket(bucket).key(objectKey));
        assertEquals("application/json", head.contentType());
        assertArrayEquals(state.toJsonBytes(), raw.getObjectAsBytes(b -> b.bucket(bucket).key(objectKey)).asByteArray());
    }

    @Test
    void theDefaultLayoutIsAlchemys() {
        State state = state("connection");
        open(S3Server.config(bucket)).set("api/database/connection", state);
        assertEquals(List.of("alchemy/my-app/dev/api:database:connection"), objectKeys());
        assertAlchemyObject("alchemy/my-app/dev/api:database:connection", state);
    }

    @Test
    void aCustomPrefixReplacesAlchemys() {
        StateStore store = open(S3Server.config(bucket).prefix("teams/state/"));
        store.set("api/database/connection", state("connection"));
        assertEquals(List.of("teams/state/my-app/dev/api:database:connection"), objectKeys());
        assertEquals(List.of("api/database/connection"), store.list());
    }

    @Test
    void theEmptyPrefixStartsAtTheScope() {
        StateStore store = open(S3Server.config(bucket).prefix(""));
        store.set("api/database/connection", state("connection"));
        assertEquals(List.of("my-app/dev/api:database:connection"), objectKeys());
        assertAlchemyObject("my-app/dev/api:database:connection", state("connection"));
    }

    @Test
    void colonsAndPercentsAreEscapedSoEveryKeyRoundTrips() {
        StateStore store = open(S3Server.config(bucket));
        store.set("a:b/c%d", state("x"));
        assertEquals(List.of("alchemy/my-app/dev/a%3Ab:c%25d"), objectKeys());
        assertEquals(List.of("a:b/c%d"), store.list());
    }

    @Test
    void aes256EncryptionSetsTheHeader() {
        open(S3Server.config(bucket).serverSideEncryption(ServerSideEncryption.aes256())).set("a", state("a"));
        assertEquals("AES256", raw.headObject(b -> b.bucket(bucket).key("alchemy/my-app/dev/a"))
                .serverSideEncryptionAsString());
    }

    @Test
    void kmsEncryptionSetsTheHeader() {
        open(S3Server.config(bucket).serverSideEncryption(ServerSideEncryption.kms("alias/state"))).set("a", state("a"));
        assertEquals("aws:kms", raw.headObject(b -> b.bucket(bucket).key("alchemy/my-app/dev/a"))
                .serverSideEncryptionAsString());
    }

    @Test
    void anObjectKeyOfExactly1024BytesWorksAndOneByteMoreIsRejected() {
        StateStore store = open(S3Server.config(bucket));
        String fits = "x".repeat(1002) + "₪";
        String objectKey = "alchemy/my-app/dev/" + fits;
        assertEquals(1024, objectKey.getBytes(StandardCharsets.UTF_8).length);
        store.set(fits, state("fits"));
        assertEquals(List.of(objectKey), objectKeys());
        assertEquals(Optional.of(state("fits")), store.get(fits));

        String tooLong = "x" + fits;
        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> store.set(tooLong, state("no")));
        assertEquals(tooLong, e.getKey());
        assertTrue(e.getMessage().contains("1025") && e.getMessage().contains("1024"), e.getMessage());
        assertThrows(InvalidKeyException.class, () -> store.get(tooLong));
        assertThrows(InvalidKeyException.class, () -> store.delete(tooLong));
        assertEquals(List.of(objectKey), objectKeys());
        assertEquals(List.of(fits), store.list());
    }
}
