package io.github.statestore.s3;

import static io.github.statestore.contract.ConditionalWritesContract.counter;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.statestore.ConflictException;
import io.github.statestore.OutcomeUnknownException;
import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.ThrottledException;
import io.github.statestore.Version;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Proves conditional writes exact when answers are lost: a write whose answer is lost after S3 applied it
 * still succeeds on retry (the store recognizes its own write by the write id in the object's metadata), a
 * write whose object another writer changed after a lost answer is of unknown outcome (never a success), and
 * failures that leave nothing applied are conflicts or errors as before.
 */
class ConditionalWriteLostResponseIT {
    private static final Scope SCOPE = Scope.of("app");
    private static final String KEY = "k";
    private static final String OBJECT_KEY = S3Config.DEFAULT_PREFIX + "app/" + KEY;
    private static final RetryPolicy FAST = RetryPolicy.builder().maxAttempts(3).baseDelay(Duration.ofMillis(1))
            .maxDelay(Duration.ofMillis(10)).build();

    private String bucket;
    private FaultProxy proxy;
    private StateStore faulted;
    private StateStore direct;

    @BeforeEach
    void open() {
        bucket = S3Server.newBucket();
        proxy = FaultProxy.toS3Server();
        faulted = proxy.config(bucket).retryPolicy(FAST).build().open(SCOPE);
        direct = S3Server.config(bucket).build().open(SCOPE);
    }

    @AfterEach
    void close() throws IOException {
        faulted.close();
        direct.close();
        proxy.close();
    }

    @Test
    void setIfWhoseResponseIsLostSucceeds() {
        Version read = seeded();
        proxy.plan(FaultPlan.firstWithHeader("PUT", "If-Match", List.of(Fault.RESET_AFTER)));

        Version written = faulted.setIf(KEY, counter(2), read);

        assertStored(counter(2), written);
        assertEquals(1, proxy.injected(Fault.RESET_AFTER));
        assertEquals(2, proxy.requests("PUT"));
    }

    @Test
    void createWhoseResponseIsLostSucceeds() {
        proxy.plan(FaultPlan.firstWithHeader("PUT", "If-None-Match", List.of(Fault.RESET_AFTER)));

        Version written = faulted.create(KEY, counter(1));

        assertStored(counter(1), written);
        assertEquals(1, proxy.injected(Fault.RESET_AFTER));
        assertEquals(2, proxy.requests("PUT"));
    }

    /**
     * The first attempt landed, its answer was lost, and another writer then changed the object: the retry's
     * 412 cannot say whether ours was applied (it was), so the call says the outcome is unknown.
     */
    @Test
    void setIfIsOfUnknownOutcomeWhenAnotherWriterLandsAfterItsLostAnswer() {
        Version read = seeded();
        proxy.plan(afterFirstConditionalPut(Fault.RESET_AFTER, () -> direct.set(KEY, counter(99))));

        assertThrows(OutcomeUnknownException.class, () -> faulted.setIf(KEY, counter(2), read));

        assertEquals(counter(99), direct.get(KEY).orElseThrow());
        assertEquals(2, proxy.requests("PUT"));
    }

    /**
     * The double apply issue 11 found: two writers read one version and write identical bytes; the first
     * one's request never reached the server (the client cannot tell), the second's landed. The first one's
     * retry gets 412 and finds a document equal to its own, but not its write: it must not report success.
     */
    @Test
    void identicalWriteOfAnotherWriterIsNotTakenForOurs() {
        Version read = seeded();
        proxy.plan(afterFirstConditionalPut(Fault.RESET_BEFORE, () -> direct.setIf(KEY, counter(2), read)));

        assertThrows(OutcomeUnknownException.class, () -> faulted.setIf(KEY, counter(2), read));

        assertEquals(counter(2), direct.get(KEY).orElseThrow());
        assertEquals(2, proxy.requests("PUT"));
    }

    /** A 503 SlowDown leaves nothing applied, so a 412 on the retry is a plain conflict. */
    @Test
    void setIfConflictsWhenAnotherWriterLandsAfterAThrottledAttempt() {
        Version read = seeded();
        proxy.plan(afterFirstConditionalPut(Fault.SLOW_DOWN, () -> direct.set(KEY, counter(99))));

        assertThrows(ConflictException.class, () -> faulted.setIf(KEY, counter(2), read));

        assertEquals(counter(99), direct.get(KEY).orElseThrow());
    }

    /**
     * S3 answers {@code 409 ConditionalRequestConflict} when another conditional request on the object is in
     * flight: it is retried, and it applied nothing, so a 412 on the retry is a plain conflict.
     */
    @Test
    void conditionalRequestConflictIsRetriedAndLeavesNothingApplied() {
        Version read = seeded();
        Fault conflict = Fault.answer(409, "ConditionalRequestConflict");
        proxy.plan(FaultPlan.firstWithHeader("PUT", "If-Match", List.of(conflict)));

        Version written = faulted.setIf(KEY, counter(2), read);

        assertStored(counter(2), written);
        assertEquals(1, proxy.injected(conflict));
        proxy.plan(afterFirstConditionalPut(conflict, () -> direct.set(KEY, counter(99))));
        assertThrows(ConflictException.class, () -> faulted.setIf(KEY, counter(3), written));
        assertEquals(2, proxy.injected(conflict));
    }

    /** The later attempts failing after a lost answer: the first may have landed, and the store says so. */
    @Test
    void failureAfterALostAnswerIsOfUnknownOutcome() {
        Version read = seeded();
        proxy.plan(FaultPlan.firstWithHeader("PUT", "If-Match",
                List.of(Fault.RESET_BEFORE, Fault.SLOW_DOWN, Fault.SLOW_DOWN)));

        OutcomeUnknownException unknown = assertThrows(OutcomeUnknownException.class,
                () -> faulted.setIf(KEY, counter(2), read));

        assertEquals(KEY, unknown.getKey());
        assertEquals(3, proxy.requests("PUT"));
    }

    /** Failures that leave nothing applied are reported as they are, not as of unknown outcome. */
    @Test
    void failureWithoutALostAnswerIsReportedAsItIs() {
        Version read = seeded();
        proxy.plan(FaultPlan.firstWithHeader("PUT", "If-Match",
                List.of(Fault.SLOW_DOWN, Fault.SLOW_DOWN, Fault.SLOW_DOWN)));

        assertThrows(ThrottledException.class, () -> faulted.setIf(KEY, counter(2), read));

        assertEquals(counter(1), direct.get(KEY).orElseThrow());
    }

    /** A conditional PUT carries its write id in the object's user metadata, outside the document. */
    @Test
    void conditionalWriteRecordsItsWriteIdInMetadata() {
        Version written = faulted.create(KEY, counter(1));

        assertStored(counter(1), written);
        try (S3Client s3 = S3Server.rawClient()) {
            String id = s3.headObject(r -> r.bucket(bucket).key(OBJECT_KEY)).metadata()
                    .get(ConditionalWrites.WRITE_ID);
            assertEquals(36, id.length(), id);
        }
    }

    /**
     * The first DELETE never reached the server (the client cannot tell: a reset before or after is the same
     * error to it); the retry deletes, and S3 answers 204 only when it deleted, so the call succeeds.
     */
    @Test
    void deleteIfWhoseRetryDeletesSucceeds() {
        Version read = seeded();
        proxy.plan(FaultPlan.firstWithHeader("DELETE", "If-Match", List.of(Fault.RESET_BEFORE)));

        faulted.deleteIf(KEY, read);

        assertGone();
        assertEquals(2, proxy.requests("DELETE"));
    }

    /**
     * The first DELETE landed and its answer was lost; the retry gets S3's 404 for a conditional DELETE of a
     * missing object (the proxy answers it as S3 does). The object may be gone by our delete or by another
     * writer's, so the outcome is unknown.
     */
    @Test
    void deleteIfWhoseRetryFindsTheObjectGoneIsOfUnknownOutcome() {
        Version read = seeded();
        proxy.plan(FaultPlan.firstWithHeader("DELETE", "If-Match", List.of(Fault.RESET_AFTER)));

        assertThrows(OutcomeUnknownException.class, () -> faulted.deleteIf(KEY, read));

        assertGone();
        assertEquals(2, proxy.requests("DELETE"));
    }

    private Version seeded() {
        direct.set(KEY, counter(1));
        return direct.getVersioned(KEY).orElseThrow().version();
    }

    /** Applies {@code first} to the first conditional PUT, and runs {@code meanwhile} before the second. */
    private static FaultPlan afterFirstConditionalPut(Fault first, Runnable meanwhile) {
        AtomicInteger conditionalPuts = new AtomicInteger();
        return request -> {
            if (!request.method().equals("PUT")
                    || (request.header("If-Match").isEmpty() && request.header("If-None-Match").isEmpty())) {
                return Fault.NONE;
            }
            int n = conditionalPuts.incrementAndGet();
            if (n == 2) {
                meanwhile.run();
            }
            return n == 1 ? first : Fault.NONE;
        };
    }

    private void assertGone() {
        try (S3Client s3 = S3Server.rawClient()) {
            assertThrows(NoSuchKeyException.class,
                    () -> s3.getObjectAsBytes(r -> r.bucket(bucket).key(OBJECT_KEY)));
        }
    }

    /** The object holds exactly the state's bytes, at the version the write returned. */
    private void assertStored(State state, Version version) {
        try (S3Client s3 = S3Server.rawClient()) {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(r -> r.bucket(bucket).key(OBJECT_KEY));
            assertArrayEquals(state.toJsonBytes(), object.asByteArray());
            assertEquals(version.token(), object.response().eTag());
        }
    }
}
