package io.github.statestore.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.statestore.AccessDeniedException;
import io.github.statestore.AuthenticationException;
import io.github.statestore.BucketNotFoundException;
import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.StorageException;
import io.github.statestore.StoreUnavailableException;
import io.github.statestore.ThrottledException;
import io.github.statestore.contract.StateStoreContract;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Every kind of S3 failure, injected by a {@link FaultProxy}, surfaces as the library exception users are told
 * to expect, naming what failed; only transient failures are retried, and each retry is logged at WARN.
 */
class S3ErrorsIT {
    private static final int ATTEMPTS = 3;
    private static final RetryPolicy POLICY = RetryPolicy.builder().maxAttempts(ATTEMPTS)
            .baseDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(10)).build();
    private static final State STATE = StateStoreContract.state("thing");

    private final Logger retryLog = (Logger) LoggerFactory.getLogger(RetryingS3Client.class);
    private final ListAppender<ILoggingEvent> retries = new ListAppender<>();
    private FaultProxy proxy;
    private String bucket;
    private StateStore store;

    @BeforeEach
    void start() {
        retries.start();
        retryLog.addAppender(retries);
        proxy = FaultProxy.toS3Server();
        bucket = S3Server.newBucket();
        store = proxy.config(bucket).retryPolicy(POLICY).build().open(Scope.of("app"));
    }

    @AfterEach
    void stop() throws IOException {
        store.close();
        proxy.close();
        retryLog.detachAppender(retries);
    }

    @Test
    void slowDownEveryTimeIsThrottledAfterEveryAttempt() {
        proxy.plan(FaultPlan.always(Fault.SLOW_DOWN));
        ThrottledException e = assertThrows(ThrottledException.class, () -> store.set("k1", STATE));
        assertEquals(ATTEMPTS, e.getAttempts());
        assertEquals(ATTEMPTS, proxy.requests("PUT"));
        assertEquals(bucket, e.getBucket());
        assertEquals("k1", e.getKey());
        assertMentions(e.getMessage(), "set", "\"k1\"", "'" + bucket + "'", "SlowDown", "after 3 attempts");
        assertTrue(e.retryable());
        assertRetriesLogged();
    }

    /** A conditional PUT to a missing bucket gets 404 NoSuchBucket: the bucket is missing, not a conflict. */
    @Test
    void conditionalWritesToAMissingBucketSayTheBucketIsMissing() {
        try (StateStore missing = S3Server.config("no-such-bucket-" + bucket.substring(2)).build()
                .open(Scope.of("app"))) {
            assertThrows(BucketNotFoundException.class, () -> missing.create("k", STATE));
            assertThrows(BucketNotFoundException.class, () -> missing.update("k", s -> STATE));
        }
    }

    @Test
    void internalErrorEveryTimeIsUnavailableNotThrottled() {
        proxy.plan(FaultPlan.always(Fault.INTERNAL_ERROR));
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> store.get("k1"));
        assertFalse(e instanceof ThrottledException, e.toString());
        assertEquals(ATTEMPTS, e.getAttempts());
        assertEquals(ATTEMPTS, proxy.requests("GET"));
        assertMentions(e.getMessage(), "get", "\"k1\"", "'" + bucket + "'", "500", "InternalError", "after 3 attempts");
        assertRetriesLogged();
    }

    @Test
    void accessDeniedNamesThePermissionEachOperationNeeds() {
        proxy.plan(FaultPlan.always(Fault.answer(403, "AccessDenied")));
        assertDenied(s -> s.set("k1", STATE), "s3:PutObject");
        assertDenied(s -> s.get("k1"), "s3:GetObject");
        assertDenied(StateStore::list, "s3:ListBucket");
        long requests = proxy.requests();
        assertTrue(requests == 3 || requests == 4, "access denial is not retried: one request each for set and get,"
                + " and list's listing of keys with, beside it, its listing of expiry marks unless the first failed"
                + " before that one was sent; " + requests + " requests");
        assertTrue(retries.list.isEmpty(), "no retry was logged");
    }

    @Test
    void rejectedSignatureIsAnAuthenticationFailure() {
        proxy.plan(FaultPlan.always(Fault.answer(403, "SignatureDoesNotMatch")));
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> store.get("k1"));
        assertMentions(e.getMessage(), "'" + bucket + "'", "SignatureDoesNotMatch");
        assertEquals(1, proxy.requests());
    }

    @Test
    void noSuchKeyIsAbsent() {
        store.set("k1", STATE);
        proxy.plan(FaultPlan.always(Fault.answer(404, "NoSuchKey")));
        assertEquals(Optional.empty(), store.get("k1"));
        assertEquals(1, proxy.requests("GET"));
    }

    @Test
    void invalidArgumentIsNotRetried() {
        proxy.plan(FaultPlan.always(Fault.answer(400, "InvalidArgument")));
        StorageException e = assertThrows(StorageException.class, () -> store.set("k1", STATE));
        assertFalse(e.retryable());
        assertMentions(e.getMessage(), "set", "\"k1\"", bucket, "400");
        assertEquals(1, proxy.requests());
        assertTrue(retries.list.isEmpty(), "no retry was logged");
    }

    @Test
    void connectionRefusedIsUnavailableAfterEveryAttempt() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            closedPort = s.getLocalPort();
        }
        S3Config config = S3Server.config(bucket).endpoint(URI.create("http://127.0.0.1:" + closedPort))
                .retryPolicy(POLICY).build();
        try (StateStore unreachable = config.open(Scope.of("app"))) {
            StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> unreachable.get("k1"));
            assertEquals(ATTEMPTS, e.getAttempts());
            assertMentions(e.getMessage(), "get", "\"k1\"", "'" + bucket + "'", "could not reach S3",
                    "after 3 attempts");
        }
        assertRetriesLogged();
    }

    private void assertDenied(Consumer<StateStore> call, String permission) {
        AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> call.accept(store));
        assertEquals(permission, e.getAction());
        assertEquals(bucket, e.getBucket());
        assertMentions(e.getMessage(), permission, "'" + bucket + "'");
    }

    /** Every failed attempt but the last was logged at WARN with its number. */
    private void assertRetriesLogged() {
        List<ILoggingEvent> events = retries.list;
        assertEquals(ATTEMPTS - 1, events.size(), () -> events.toString());
        for (int i = 0; i < events.size(); i++) {
            assertEquals(Level.WARN, events.get(i).getLevel());
            assertMentions(events.get(i).getFormattedMessage(), "attempt " + (i + 1) + "/" + ATTEMPTS);
        }
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "'" + message + "' should mention " + part);
        }
    }
}
