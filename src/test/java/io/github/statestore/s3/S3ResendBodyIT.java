package io.github.statestore.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A PUT whose connection was reset, before or after the server got it, is retried with its whole body: the
 * stored object is the document, byte for byte.
 */
class S3ResendBodyIT {

    static Stream<Fault> resets() {
        return Stream.of(Fault.RESET_BEFORE, Fault.RESET_AFTER);
    }

    @ParameterizedTest
    @MethodSource("resets")
    void retriedPutStoresTheWholeBody(Fault reset) throws Exception {
        byte[] noise = new byte[300_000];
        new Random(7).nextBytes(noise);
        State big = State.builder().status(State.Status.CREATED).kind("test::Blob").id("big").fqn("app/big")
                .props(Map.of("blob", Base64.getEncoder().encodeToString(noise))).build();
        String bucket = S3Server.newBucket();
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(3).baseDelay(Duration.ofMillis(1))
                .maxDelay(Duration.ofMillis(10)).build();
        try (FaultProxy proxy = FaultProxy.toS3Server();
                StateStore store = proxy.config(bucket).retryPolicy(policy).build().open(Scope.of("app"))) {
            proxy.plan(FaultPlan.firstOf("PUT", List.of(reset, reset)));
            store.set("big", big);
            assertEquals(2, proxy.injected(reset));
            assertEquals(3, proxy.requests("PUT"));
        }
        try (S3Client s3 = S3Server.rawClient()) {
            byte[] stored = s3.getObjectAsBytes(r -> r.bucket(bucket).key(S3Config.DEFAULT_PREFIX + "app/big"))
                    .asByteArray();
            assertArrayEquals(big.toJsonBytes(), stored);
        }
    }
}
