package io.github.statestore.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.ConflictException;
import io.github.statestore.InvalidArgumentException;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StateStores;
import io.github.statestore.StoreConfig;
import io.github.statestore.contract.ContractFixture;
import io.github.statestore.fs.FileSystemConfig;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The observations a store makes, checked with Micrometer's observation test kit (which also checks that they
 * are started, scoped and stopped correctly) on the memory and FileSystem backends: one per operation with
 * its tags and bytes, none naming a key, nested ones as children, and none at all without a registry.
 */
class StoreObservationTest {
    private static final Scope SCOPE = Scope.of("app", "dev");
    private static final String KEY = "api/database";

    private final TestObservationRegistry registry = TestObservationRegistry.create();

    @TempDir
    Path dir;

    private StoreConfig config(String backend) {
        return backend.equals("memory") ? StoreConfig.memory() : FileSystemConfig.builder().root(dir).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "filesystem"})
    void everyOperationIsOneObservationTaggedWithBackendScopeOperationAndOutcome(String backend) {
        try (StateStore store = StateStores.open(StoreObservation.observe(config(backend), registry), SCOPE)) {
            store.set(KEY, ContractFixture.state("db"));
            store.get(KEY);
            store.get("absent");
            assertThrows(ConflictException.class, () -> store.create(KEY, ContractFixture.state("db")));
            store.list();
            store.delete(KEY);
        }
        List<Observation.Context> operations = operations();
        assertEquals(List.of("set success", "get success", "get success", "create conflict", "list success",
                "delete success"),
                operations.stream().map(c -> tag(c, "operation") + " " + tag(c, "outcome")).toList());
        for (Observation.Context c : operations) {
            assertEquals(backend, tag(c, "backend"));
            assertEquals("app/dev", tag(c, "scope"));
            for (KeyValue kv : c.getAllKeyValues()) {
                assertFalse(kv.getValue().contains("database"), "the key shows in " + kv);
            }
            assertEquals("statestore " + tag(c, "operation"), c.getContextualName());
        }
        assertTrue(operations.get(3).getError() instanceof ConflictException);
    }

    @Test
    void readsAndWritesCountTheBytesOfTheDocumentOnDisk() throws Exception {
        FileSystemConfig fs = FileSystemConfig.builder().root(dir).build();
        try (StateStore store = StoreObservation.observe(fs, registry).open(SCOPE)) {
            store.set(KEY, ContractFixture.state("db"));
            store.getBatch(List.of(KEY, "absent"));
        }
        long size = Files.size(fs.file(SCOPE, KEY));
        List<Observation.Context> operations = operations();
        assertEquals(List.of(Long.toString(size), "0"), bytes(operations.get(0)), "set");
        assertEquals(List.of("0", Long.toString(size)), bytes(operations.get(1)), "getBatch");
    }

    @Test
    void anUpdatesReadsAndWritesAreItsChildren() {
        try (StateStore store = StoreObservation.observe(StoreConfig.memory(), registry).open(SCOPE)) {
            store.update(KEY, current -> ContractFixture.state("db"));
        }
        List<Observation.Context> operations = operations();
        assertEquals(List.of("update", "getVersioned", "create"),
                operations.stream().map(c -> tag(c, "operation")).toList());
        Observation.Context update = operations.get(0);
        for (Observation.Context child : operations.subList(1, 3)) {
            assertNotNull(child.getParentObservation(), tag(child, "operation") + " has no parent");
            assertSame(update, child.getParentObservation().getContextView());
        }
    }

    @Test
    void aLeaseIsOneObservationFromAcquisitionToRelease() {
        try (StateStore store = StoreObservation.observe(StoreConfig.memory(), registry).open(SCOPE)) {
            store.lock("deploy", Duration.ofSeconds(10)).close();
        }
        TestObservationRegistryAssert.assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo("statestore.lease", 1)
                .hasObservationWithNameEqualTo("statestore.lease").that()
                .hasBeenStarted()
                .hasBeenStopped()
                .hasEvent("acquired")
                .hasLowCardinalityKeyValue("backend", "memory")
                .hasLowCardinalityKeyValue("scope", "app/dev")
                .hasLowCardinalityKeyValue("outcome", "released")
                .hasHighCardinalityKeyValue("lock", "deploy")
                .hasParentObservationContextMatching(parent -> "lock".equals(parent
                        .getLowCardinalityKeyValue("operation").getValue()));
    }

    @Test
    void aStoreOfAPlainConfigMakesNoObservation() {
        try (StateStore store = StoreConfig.memory().open(SCOPE)) {
            store.set(KEY, ContractFixture.state("db"));
            assertEquals(Optional.of(ContractFixture.state("db")), store.get(KEY));
        }
        TestObservationRegistryAssert.assertThat(registry).doesNotHaveAnyObservation();
    }

    @Test
    void theWrapperListsScopesAndNamesItsConfigWithoutItsPassword() {
        FileSystemConfig fs = FileSystemConfig.builder().root(dir).password("hunter2-password").build();
        StoreConfig observed = StoreObservation.observe(fs, registry);
        try (StateStore store = observed.open(Scope.of("app", "dev"))) {
            store.set(KEY, ContractFixture.state("db"));
        }
        assertEquals(List.of(Scope.of("app"), Scope.of("app", "dev")), StateStores.scopes(observed));
        assertEquals("Observed" + fs, observed.toString());
        assertFalse(observed.toString().contains("hunter2"));
        assertEquals(observed, StoreObservation.observe(fs, registry));
        assertThrows(InvalidArgumentException.class, () -> StoreObservation.observe(fs, null));
        assertThrows(InvalidArgumentException.class, () -> StoreObservation.observe(null, registry));
    }

    @Test
    void aBackendIsTaggedByItsConfigsName() {
        assertEquals("memory", ObservedConfig.backendTag(StoreConfig.memory()));
        assertEquals("filesystem", ObservedConfig.backendTag(StoreConfig.fileSystem()));
        StoreConfig custom = scope -> null;
        assertEquals(custom.getClass().getSimpleName().toLowerCase(Locale.ROOT),
                ObservedConfig.backendTag(custom));
    }

    private List<Observation.Context> operations() {
        List<Observation.Context> operations = new ArrayList<>();
        TestObservationRegistryAssert.assertThat(registry).hasHandledContextsThatSatisfy(contexts -> contexts
                .stream().filter(c -> c.getName().equals("statestore.operation")).forEach(operations::add));
        return operations;
    }

    private static String tag(Observation.Context context, String key) {
        KeyValue value = context.getLowCardinalityKeyValue(key);
        return value == null ? null : value.getValue();
    }

    private static List<String> bytes(Observation.Context context) {
        return Stream.of("bytes.written", "bytes.read")
                .map(k -> context.getHighCardinalityKeyValue(k).getValue()).toList();
    }
}
