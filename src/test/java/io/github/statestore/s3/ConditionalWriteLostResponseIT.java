package io.github.statestore.s3;

import static io.github.statestore.contract.ConditionalWritesContract.counter;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.statestore.ConflictException;
import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.Version;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Proves a conditional write whose response is lost after S3 applied it still succeeds on retry (the store
 * recognizes its own landed write), and conflicts when another writer changed the object before the retry.
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
        direct.set(KEY, counter(1));
        Version read = direct.getVersioned(KEY).orElseThrow().version();
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

    @Test
    void setIfConflictsWhenAnotherWriterLandsBeforeItsRetry() {
        direct.set(KEY, counter(1));
        Version read = direct.getVersioned(KEY).orElseThrow().version();
        AtomicInteger conditionalPuts = new AtomicInteger();
        proxy.plan(request -> {
            if (!request.method().equals("PUT") || request.header("If-Match").isEmpty()) {
                return Fault.NONE;
            }
            if (conditionalPuts.incrementAndGet() == 1) {
                return Fault.RESET_AFTER;
            }
            direct.set(KEY, counter(99));
            return Fault.NONE;
        });

        assertThrows(ConflictException.class, () -> faulted.setIf(KEY, counter(2), read));

        assertEquals(counter(99), direct.get(KEY).orElseThrow());
        assertEquals(1, proxy.injected(Fault.RESET_AFTER));
        assertEquals(2, proxy.requests("PUT"));
    }

    /**
     * The retried DELETE finds the object gone: S3Proxy answers it 204, while S3 answers 404 NoSuchKey, which
     * the proxy answers in S3's place.
     */
    static Stream<Fault> retriedDeleteAnswers() {
        return Stream.of(Fault.NONE, Fault.answer(404, "NoSuchKey"));
    }

    @ParameterizedTest
    @MethodSource("retriedDeleteAnswers")
    void deleteIfWhoseResponseIsLostSucceeds(Fault retried) {
        direct.set(KEY, counter(1));
        Version read = direct.getVersioned(KEY).orElseThrow().version();
        proxy.plan(FaultPlan.firstWithHeader("DELETE", "If-Match", List.of(Fault.RESET_AFTER, retried)));

        faulted.deleteIf(KEY, read);

        try (S3Client s3 = S3Server.rawClient()) {
            assertThrows(NoSuchKeyException.class, () -> s3.getObjectAsBytes(r -> r.bucket(bucket).key(OBJECT_KEY)));
        }
        assertEquals(1, proxy.injected(Fault.RESET_AFTER));
        assertEquals(2, proxy.requests("DELETE"));
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
