package io.github.statestore.s3;

import static io.github.statestore.contract.StateStoreContract.state;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.HistoryPolicy;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.s3.RecordingProxy.Request;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Where the S3 store keeps history and what it costs: each kept document byte for byte under
 * {@code <prefix>%!history/<scope>/<key>/}, outside the scope's prefix; a key too long for that named by its
 * hash; and the requests of a {@code set} over an existing key with history on.
 */
class S3HistoryIT {
    private static final Scope SCOPE = Scope.of("app", "dev");

    private static List<String> objects(S3Client raw, String bucket) {
        return raw.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).sorted()
                .toList();
    }

    @Test
    void eachKeptDocumentIsAnObjectOutsideTheScopesPrefix() {
        String bucket = S3Server.newBucket();
        try (StateStore store = S3Server.config(bucket).history(HistoryPolicy.keepVersions(5)).build().open(SCOPE);
                S3Client raw = S3Server.rawClient()) {
            store.set("api/db", state("one"));
            byte[] first = raw.getObjectAsBytes(b -> b.bucket(bucket).key("alchemy/app/dev/api:db")).asByteArray();
            store.set("api/db", state("two"));
            List<String> objects = objects(raw, bucket);
            assertEquals(2, objects.size(), objects.toString());
            assertEquals("alchemy/app/dev/api:db", objects.get(1));
            assertTrue(objects.get(0).matches("alchemy/%!history/app/dev/api:db/1\\.\\d+\\.[0-9a-f]{8}\\.w\\.\\d+\\.0"
                    + "\\.created\\._22[0-9a-f]{32}_22"), objects.get(0));
            assertArrayEquals(first, raw.getObjectAsBytes(b -> b.bucket(bucket).key(objects.get(0))).asByteArray());
        }
    }

    @Test
    void aKeyTooLongForItsHistoryIsNamedByItsHash() {
        String bucket = S3Server.newBucket();
        String key = "k".repeat(900);
        try (StateStore store = S3Server.config(bucket).history(HistoryPolicy.keepVersions(5)).build().open(SCOPE);
                S3Client raw = S3Server.rawClient()) {
            store.set(key, state("one"));
            store.set(key, state("two"));
            assertEquals(1, store.history(key).size());
            assertTrue(objects(raw, bucket).get(0).matches("alchemy/%!history/app/dev/%~[0-9a-f]{64}/1\\..*"),
                    objects(raw, bucket).toString());
        }
    }

    /**
     * A set over an existing key reads it, lists its history, keeps it and writes with If-Match: 4 requests, and
     * a fifth, a DELETE, once the history is full and the oldest entry goes.
     */
    @Test
    void aSetOverAnExistingKeyCostsFourRequestsAndAFifthOncePruning() {
        try (RecordingProxy proxy = new RecordingProxy();
                StateStore store = S3Server.config(S3Server.newBucket()).endpoint(proxy.endpoint())
                        .history(HistoryPolicy.keepVersions(1)).build().open(SCOPE)) {
            store.set("k", state("one"));
            int before = proxy.requests().size();
            store.set("k", state("two"));
            List<Request> second = proxy.requests().subList(before, proxy.requests().size());
            assertEquals(List.of("GET", "GET", "PUT", "PUT"), second.stream().map(Request::method).toList(),
                    second.toString());
            assertTrue(second.get(3).headers().keySet().stream().anyMatch("If-Match"::equalsIgnoreCase));
            before = proxy.requests().size();
            store.set("k", state("three"));
            List<Request> third = proxy.requests().subList(before, proxy.requests().size());
            assertEquals(List.of("GET", "GET", "PUT", "PUT", "DELETE"), third.stream().map(Request::method).toList(),
                    third.toString());
        }
    }
}
