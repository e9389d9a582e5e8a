package io.github.statestore.s3;

import static io.github.statestore.contract.StateStoreContract.state;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.AuthenticationException;
import io.github.statestore.BucketNotFoundException;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StateStoreException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Proves, against a real S3 API server (S3Proxy), what a user sees when the bucket or the credentials are
 * wrong: a missing bucket is named with how to create it (or created on request), and rejected credentials are
 * an {@link AuthenticationException} whose text, causes and log lines never contain the secret.
 */
class S3StoreSetupIT {
    private static final Scope SCOPE = Scope.of("my-app", "dev");
    private static final String WRONG_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGSECRET";

    @Test
    void initOnAMissingBucketNamesItAndSaysHowToCreateIt() {
        String bucket = S3Server.newBucketName();
        try (StateStore store = S3Server.config(bucket).build().open(SCOPE)) {
            BucketNotFoundException e = assertThrows(BucketNotFoundException.class, store::init);
            assertEquals(bucket, e.getBucket());
            assertTrue(e.getMessage().contains("'" + bucket + "'"), e.getMessage());
            assertTrue(e.getMessage().contains("aws s3 mb s3://" + bucket), e.getMessage());
            assertTrue(e.getMessage().contains("createBucket(true)"), e.getMessage());
            assertFalse(e.retryable());
        }
    }

    @Test
    void createBucketMakesInitCreateItOnce() {
        String bucket = S3Server.newBucketName();
        try (StateStore store = S3Server.config(bucket).createBucket(true).build().open(SCOPE);
                S3Client raw = S3Server.rawClient()) {
            store.init();
            assertDoesNotThrow(() -> raw.headBucket(b -> b.bucket(bucket)));
            store.set("a", state("a"));
            store.init();
            assertEquals(List.of("a"), store.list());
        }
    }

    @Test
    void aWrongSecretIsAnAuthenticationErrorThatNeverShowsTheSecret() {
        String bucket = S3Server.newBucket();
        S3Config config = S3Server.config(bucket)
                .credentials(S3Credentials.of(S3Server.ACCESS_KEY, WRONG_SECRET)).build();
        try (CapturedLogs logs = new CapturedLogs(); StateStore store = config.open(SCOPE)) {
            List<Executable> calls = List.of(store::init, store::list, () -> store.set("a", state("a")),
                    () -> store.get("a"), () -> store.delete("a"), store::clear);
            for (Executable call : calls) {
                AuthenticationException e = assertThrows(AuthenticationException.class, call);
                assertEquals(bucket, e.getBucket());
                assertNoSecretIn(e);
            }
            logs.lines().forEach(line -> assertNoSecretIn(line));
        }
    }

    @Test
    void anUnknownAccessKeyIdIsAnAuthenticationError() {
        S3Config config = S3Server.config(S3Server.newBucket())
                .credentials(S3Credentials.of("AKIAUNKNOWNKEY000000", WRONG_SECRET)).build();
        try (StateStore store = config.open(SCOPE)) {
            assertNoSecretIn(assertThrows(AuthenticationException.class, store::init));
            assertNoSecretIn(assertThrows(AuthenticationException.class, () -> store.set("a", state("a"))));
        }
    }

    private static void assertNoSecretIn(StateStoreException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertNoSecretIn(t.toString());
            assertNoSecretIn(String.valueOf(t.getMessage()));
            for (Throwable suppressed : t.getSuppressed()) {
                assertNoSecretIn(suppressed.toString());
            }
        }
    }

    private static void assertNoSecretIn(String text) {
        for (String secret : List.of(WRONG_SECRET, "K7MDENG", S3Server.SECRET_KEY)) {
            assertFalse(text.contains(secret), text);
        }
    }
}
