package io.github.statestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.statestore.fs.FileSystemConfig;
import io.github.statestore.r2.R2Config;
import io.github.statestore.s3.S3Config;
import io.github.statestore.s3.S3Credentials;
import io.github.statestore.secret.PasswordRotation;
import io.github.statestore.secret.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the README's promise that every error is a {@link StateStoreException}, for the error a caller
 * makes most often: a {@code null} argument to a public method. Each call below passes one {@code null} and
 * must throw the documented subclass naming what was null (README, "Errors"): {@link InvalidKeyException} for
 * a key or lock name, {@link InvalidScopeException} for a scope name, {@link InvalidConfigException} for a
 * setting (ttl and maxWait included), {@link InvalidArgumentException} naming the parameter for anything else.
 * Never a {@link NullPointerException}, and nothing is written.
 */
class NullArgumentsTest {
    private static final Duration TTL = Duration.ofSeconds(30);
    private static final Scope SCOPE = Scope.of("app", "dev");
    private static final String R2_ACCOUNT = "0123456789abcdef0123456789abcdef";

    @TempDir
    static Path dir;

    private static StateStore memory;
    private static StateStore file;

    @AfterEach
    void closeStores() {
        if (memory != null) {
            memory.close();
            file.close();
            memory = null;
        }
    }

    /** One call with a null argument, and what it must throw. */
    record Case(String call, Executable run, Class<? extends StateStoreException> type, String named) {
        @Override
        public String toString() {
            return call;
        }
    }

    static Stream<Arguments> nullArguments() {
        return Stream.concat(Stream.of("memory", "file").flatMap(NullArgumentsTest::storeCases),
                Stream.of(
                        key("Scope.of(null)", () -> Scope.of((String) null), InvalidScopeException.class),
                        key("Scope.of(a, (String[]) null)", () -> Scope.of("a", (String[]) null),
                                InvalidScopeException.class),
                        key("Scope.of(a, b, null)", () -> Scope.of("a", "b", null), InvalidScopeException.class),
                        key("Scope.of((List) null)", () -> Scope.of((List<String>) null), InvalidScopeException.class),
                        key("Scope.of([a, null])", () -> Scope.of(Arrays.asList("a", null)),
                                InvalidScopeException.class),
                        key("Scope.parse(null)", () -> Scope.parse(null), InvalidScopeException.class),
                        key("scope.child(null)", () -> SCOPE.child(null), InvalidScopeException.class),
                        arg("StateStores.open(null, scope)", () -> StateStores.open(null, SCOPE), "config"),
                        arg("StateStores.open(config, null)", () -> StateStores.open(StoreConfig.memory(), null),
                                "scope"),
                        arg("MemoryConfig.open(null)", () -> StoreConfig.memory().open(null), "scope"),
                        arg("FileSystemConfig.open(null)", () -> StoreConfig.fileSystem(dir).open(null), "scope"),
                        arg("S3Config.open(null)", () -> S3Config.builder().bucket("my-state").build().open(null),
                                "scope"),
                        arg("R2Config.open(null)", () -> r2().open(null), "scope"),
                        setting("StoreConfig.fileSystem(null)", () -> StoreConfig.fileSystem(null), "root"),
                        setting("StoreConfig.parse(null)", () -> StoreConfig.parse(null), "url"),
                        arg("StoreConfig.fromEnv(null)", () -> StoreConfig.fromEnv(null), "env"),
                        setting("FileSystemConfig.builder().nameStyle(null)",
                                () -> FileSystemConfig.builder().nameStyle(null), "nameStyle"),
                        setting("S3Config.builder().endpoint(null)", () -> S3Config.builder().endpoint(null),
                                "endpoint"),
                        setting("S3Credentials.of(null, secret)", () -> S3Credentials.of(null, "secret"),
                                "credentials.accessKeyId"),
                        setting("R2Config.builder().jurisdiction(null)", () -> R2Config.builder().jurisdiction(null),
                                "jurisdiction"),
                        arg("State.fromJson(null)", () -> State.fromJson(null), "json"),
                        arg("Version.of(null)", () -> Version.of(null), "token"),
                        arg("new VersionedState(null, version)", () -> new VersionedState(null, Version.of("v")),
                                "state"),
                        arg("new VersionedState(state, null)", () -> new VersionedState(state(), null), "version"),
                        arg("new LeaseOwner(null, pid, id)", () -> new LeaseOwner(null, 1, "id"), "host"),
                        arg("new LeaseOwner(host, pid, null)", () -> new LeaseOwner("host", 1, null), "id"),
                        setting("WatchOptions.builder().pollInterval(null)",
                                () -> WatchOptions.builder().pollInterval(null), "pollInterval"),
                        arg("new ChangeEvent(type, null, version)",
                                () -> new ChangeEvent(ChangeEvent.Type.CREATED, null, Version.of("v")), "key"),
                        arg("Secret.of(null)", () -> Secret.of(null), "value"),
                        arg("TaggedValues.date(null)", () -> TaggedValues.date(null), "instant"),
                        arg("TaggedValues.buffer(null)", () -> TaggedValues.buffer(null), "bytes"),
                        arg("PasswordRotation.rotate(null, old, new)", () -> PasswordRotation.rotate(null, "a", "b"),
                                "store")))
                .map(Arguments::of);
    }

    private static Stream<Case> storeCases(String backend) {
        Version v = Version.of("\"0\"");
        return Stream.of(
                new StoreCase("get(null)", s -> s.get(null), InvalidKeyException.class, null),
                new StoreCase("getVersioned(null)", s -> s.getVersioned(null), InvalidKeyException.class, null),
                new StoreCase("getBatch(null)", s -> s.getBatch(null), InvalidArgumentException.class, "keys"),
                new StoreCase("getBatch([a, null])", s -> s.getBatch(Arrays.asList("a", null)),
                        InvalidKeyException.class, null),
                new StoreCase("set(null, state)", s -> s.set(null, state()), InvalidKeyException.class, null),
                new StoreCase("set(key, null)", s -> s.set("a", null), InvalidArgumentException.class, "state"),
                new StoreCase("setIf(key, null, version)", s -> s.setIf("a", null, v), InvalidArgumentException.class,
                        "state"),
                new StoreCase("setIf(key, state, null)", s -> s.setIf("a", state(), null),
                        InvalidArgumentException.class, "expected"),
                new StoreCase("create(key, null)", s -> s.create("a", null), InvalidArgumentException.class, "state"),
                new StoreCase("update(key, null)", s -> s.update("a", null), InvalidArgumentException.class, "change"),
                new StoreCase("update(key, 3, null)", s -> s.update("a", 3, null), InvalidArgumentException.class,
                        "change"),
                new StoreCase("update(key, change returning null)", s -> s.update("a", current -> null),
                        InvalidArgumentException.class, "change"),
                new StoreCase("delete(null)", s -> s.delete(null), InvalidKeyException.class, null),
                new StoreCase("deleteIf(key, null)", s -> s.deleteIf("a", null), InvalidArgumentException.class,
                        "expected"),
                new StoreCase("lock(null, ttl)", s -> s.lock(null, TTL), InvalidKeyException.class, null),
                new StoreCase("lock(name, null)", s -> s.lock("deploy", null), InvalidConfigException.class, "ttl"),
                new StoreCase("lock(name, ttl, null)", s -> s.lock("deploy", TTL, null), InvalidConfigException.class,
                        "maxWait"),
                new StoreCase("forceUnlock(null)", s -> s.forceUnlock(null), InvalidKeyException.class, null),
                new StoreCase("Lease.set(null, state)", s -> leased(s, lease -> lease.set(null, state())),
                        InvalidKeyException.class, null),
                new StoreCase("Lease.set(key, null)", s -> leased(s, lease -> lease.set("a", null)),
                        InvalidArgumentException.class, "state"),
                new StoreCase("watch(null)", s -> s.watch(null), InvalidArgumentException.class, "listener"),
                new StoreCase("watch(listener, null)", s -> s.watch(e -> { }, null), InvalidArgumentException.class,
                        "options"),
                new StoreCase("PasswordRotation.rotate(store, null, new)", s -> PasswordRotation.rotate(s, null, "b"),
                        InvalidConfigException.class, "password"))
                .map(c -> new Case(backend + ": " + c.call(), () -> c.run().accept(store(backend)), c.type(),
                        c.named()));
    }

    /** A call with a null argument on an open store, and what it must throw. */
    record StoreCase(String call, StoreCall run, Class<? extends StateStoreException> type, String named) {
    }

    /** A call on an open store. */
    @FunctionalInterface
    interface StoreCall {
        void accept(StateStore store);
    }

    private static StateStore store(String backend) {
        if (memory == null) {
            memory = StoreConfig.memory().open(SCOPE);
            file = StoreConfig.fileSystem(dir).open(SCOPE);
        }
        return backend.equals("memory") ? memory : file;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullArguments")
    void aNullArgumentIsAStateStoreExceptionNamingIt(Case c) {
        StateStoreException e = assertThrows(c.type(), c.run(), c.call());
        assertEquals(c.type(), e.getClass(), e.toString());
        if (e instanceof InvalidArgumentException a) {
            assertEquals(c.named(), a.getParameter(), e.getMessage());
        } else if (e instanceof InvalidConfigException s) {
            assertEquals(c.named(), s.getSetting(), e.getMessage());
        } else if (e instanceof InvalidKeyException k) {
            assertNull(k.getKey(), e.getMessage());
        } else if (e instanceof InvalidScopeException n) {
            assertNull(n.getName(), e.getMessage());
        }
        if (memory != null) {
            assertEquals(List.of(), memory.list());
            assertEquals(List.of(), file.list());
        }
    }

    private static Case key(String call, Executable run, Class<? extends StateStoreException> type) {
        return new Case(call, run, type, null);
    }

    private static Case arg(String call, Executable run, String parameter) {
        return new Case(call, run, InvalidArgumentException.class, parameter);
    }

    private static Case setting(String call, Executable run, String setting) {
        return new Case(call, run, InvalidConfigException.class, setting);
    }

    private static void leased(StateStore store, Consumer<Lease> write) {
        try (Lease lease = store.lock("deploy", TTL)) {
            write.accept(lease);
        }
    }

    private static State state() {
        return State.builder().status(State.Status.CREATED).kind("k").id("a").fqn("app/dev/a").build();
    }

    private static R2Config r2() {
        return R2Config.builder().accountId(R2_ACCOUNT).bucket("my-state").accessKeyId("id").secretAccessKey("secret")
                .build();
    }
}
