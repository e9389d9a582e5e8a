package io.github.statestore.s3;

import static io.github.statestore.contract.ContractFixture.state;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.BucketNotFoundException;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;

/**
 * Proves, against a real S3 API server (S3Proxy), that {@code createBucket} creates a missing bucket whatever
 * the store's first call is (not only {@code init()}), in the store's region, through the builder and through
 * an {@code r2://} URL, and that stores creating one bucket at the same moment all succeed.
 */
class S3CreateBucketIT {
    private static final Scope SCOPE = Scope.of("my-app", "dev");
    private static final String R2_ACCOUNT = "0123456789abcdef0123456789abcdef";

    static Stream<Named<Consumer<StateStore>>> firstCalls() {
        return Stream.of(
                Named.of("set", s -> s.set("a", state("a"))),
                Named.of("get", s -> assertTrue(s.get("a").isEmpty())),
                Named.of("list", s -> assertEquals(List.of(), s.list())),
                Named.of("create", s -> s.create("a", state("a"))),
                Named.of("getBatch", s -> assertEquals(Map.of(), s.getBatch(List.of("a", "b")))),
                Named.of("lock", s -> s.lock("deploy", Duration.ofSeconds(30)).close()));
    }

    @ParameterizedTest(name = "first call {0}")
    @MethodSource("firstCalls")
    void createBucketMakesTheBucketWhateverTheFirstCallIs(Consumer<StateStore> firstCall) {
        String bucket = S3Server.newBucketName();
        try (StateStore store = S3Server.config(bucket).createBucket(true).build().open(SCOPE);
                S3Client raw = S3Server.rawClient()) {
            firstCall.accept(store);
            assertDoesNotThrow(() -> raw.headBucket(b -> b.bucket(bucket)));
        }
    }

    /**
     * S3 refuses a CreateBucket without a location constraint outside {@code us-east-1}, and S3Proxy ignores
     * the constraint, so the request the SDK sends is inspected: the store's region, and none in us-east-1.
     */
    @ParameterizedTest
    @CsvSource({"eu-west-1,eu-west-1", "us-east-1,"})
    void theBucketIsCreatedInTheStoresRegion(String region, String constraint) {
        List<CreateBucketRequest> sent = new CopyOnWriteArrayList<>();
        ExecutionInterceptor capture = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof CreateBucketRequest create) {
                    sent.add(create);
                }
            }
        };
        String bucket = S3Server.newBucketName();
        try (S3Client client = S3Client.builder().endpointOverride(S3Server.endpoint()).forcePathStyle(true)
                .region(Region.of(region)).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)))
                .overrideConfiguration(o -> o.addExecutionInterceptor(capture)).build();
                StateStore store = S3Config.builder().bucket(bucket).client(client).createBucket(true).build()
                        .open(SCOPE)) {
            store.set("a", state("a"));
            assertEquals(1, sent.size());
            CreateBucketConfiguration location = sent.get(0).createBucketConfiguration();
            assertEquals(constraint, location == null ? null : location.locationConstraintAsString());
        }
    }

    @Test
    void anR2UrlWithCreateBucketCreatesItBeforeTheFirstSet() {
        String bucket = S3Server.newBucketName();
        StoreConfig config = StoreConfig.fromEnv(Map.of(
                "STATESTORE_URL", "r2://" + R2_ACCOUNT + "/" + bucket + "?createBucket=true&endpoint="
                        + S3Server.endpoint(),
                "R2_ACCESS_KEY_ID", S3Server.ACCESS_KEY, "R2_SECRET_ACCESS_KEY", S3Server.SECRET_KEY));
        try (StateStore store = config.open(SCOPE)) {
            store.set("a", state("a"));
            assertEquals(List.of("a"), store.list());
        }
    }

    @Test
    void withoutCreateBucketTheFirstCallSaysHowToCreateIt() {
        String bucket = S3Server.newBucketName();
        try (StateStore store = S3Server.config(bucket).build().open(SCOPE)) {
            BucketNotFoundException e = assertThrows(BucketNotFoundException.class, () -> store.set("a", state("a")));
            assertTrue(e.getMessage().contains("createBucket(true)"), e.getMessage());
        }
        try (S3Client raw = S3Server.rawClient()) {
            assertFalse(raw.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(bucket)));
        }
    }

    /**
     * Several stores, each with a client of its own built beforehand, open on one missing bucket at the same
     * moment (a barrier releases them together), over several rounds: every open and first write succeeds,
     * whichever store's CreateBucket the server answers first.
     */
    @Test
    void storesCreatingOneBucketAtOnceAllSucceed() throws Exception {
        int stores = 8;
        ExecutorService pool = Executors.newFixedThreadPool(stores);
        List<S3Client> clients = IntStream.range(0, stores).mapToObj(i -> S3Server.rawClient()).toList();
        try {
            for (int round = 0; round < 5; round++) {
                String bucket = S3Server.newBucketName();
                CyclicBarrier start = new CyclicBarrier(stores);
                List<Future<?>> writes = new ArrayList<>();
                for (int i = 0; i < stores; i++) {
                    S3Config config = S3Config.builder().bucket(bucket).client(clients.get(i)).createBucket(true)
                            .build();
                    String key = "k" + i;
                    writes.add(pool.submit(() -> {
                        start.await();
                        try (StateStore store = config.open(SCOPE)) {
                            store.set(key, state(key));
                        }
                        return null;
                    }));
                }
                for (Future<?> write : writes) {
                    write.get(60, TimeUnit.SECONDS);
                }
                try (StateStore store = S3Server.config(bucket).build().open(SCOPE)) {
                    assertEquals(IntStream.range(0, stores).mapToObj(i -> "k" + i).sorted().toList(), store.list());
                }
            }
        } finally {
            pool.shutdownNow();
            clients.forEach(S3Client::close);
        }
    }
}
