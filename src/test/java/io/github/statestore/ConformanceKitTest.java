package io.github.statestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.statestore.contract.Capability;
import io.github.statestore.contract.ContractFixture;
import io.github.statestore.contract.StateStoreContract;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The conformance kit itself: every backend of this repository runs all of it (the same number of kit tests
 * for each, none overridden away), and a capability a backend declares it lacks skips exactly the tests that
 * need it, each with its reason.
 */
class ConformanceKitTest {
    private static final List<String> BACKENDS = List.of("io.github.statestore.fs.FileSystemStoreTest",
            "io.github.statestore.memory.MemoryStoreTest", "com.example.zipstore.ZipStoreTest",
            "io.github.statestore.s3.S3StoreIT", "io.github.statestore.r2.R2StoreIT",
            "io.github.statestore.s3.S3LocalStackIT", "io.github.statestore.jdbc.SqliteStoreTest",
            "io.github.statestore.jdbc.PostgresStoreIT", "io.github.statestore.jdbc.PostgresContainerIT");
    private static final String KIT = ContractFixture.class.getPackageName() + ".";

    @Test
    void everyBackendRunsTheWholeKit() throws ClassNotFoundException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String backend : BACKENDS) {
            counts.put(backend, kitTests(Class.forName(backend, false, ConformanceKitTest.class.getClassLoader())));
        }
        System.out.println("Conformance kit tests per backend: " + counts);
        assertEquals(1, Set.copyOf(counts.values()).size(), "backends run different numbers of kit tests: "
                + counts);
        assertTrue(counts.values().iterator().next() > 40, counts.toString());
    }

    @Test
    void aCapabilityALackingBackendDeclaresSkipsItsTestsWithTheReason() {
        List<String> aborted = Collections.synchronizedList(new ArrayList<>());
        List<String> failed = Collections.synchronizedList(new ArrayList<>());
        launcher().execute(request(WithoutCapabilities.class), new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (!test.isTest()) {
                    return;
                }
                String reason = result.getThrowable().map(Throwable::getMessage).orElse("");
                if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
                    aborted.add(reason);
                } else if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                    failed.add(test.getDisplayName() + ": " + reason);
                }
            }
        });
        assertEquals(List.of(), failed);
        assertEquals(39, aborted.size(), aborted.toString());
        assertTrue(aborted.stream().allMatch(r -> r.contains("WithoutCapabilities declares no ")), aborted.toString());
        assertTrue(aborted.stream().anyMatch(r -> r.contains("LARGE_DOCUMENTS")), aborted.toString());
    }

    /** The in-memory store, declaring that it has none of the capabilities. */
    static class WithoutCapabilities extends StateStoreContract {
        @Override
        protected StoreConfig newConfig() {
            return StoreConfig.memory();
        }

        @Override
        protected Set<Capability> capabilities() {
            return EnumSet.noneOf(Capability.class);
        }
    }

    /** @return the tests discovered in {@code backend} whose methods the kit declares */
    private static int kitTests(Class<?> backend) {
        TestPlan plan = launcher().discover(request(backend));
        int n = 0;
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier test : plan.getDescendants(root)) {
                if (test.getSource().orElse(null) instanceof MethodSource method
                        && method.getJavaMethod().getDeclaringClass().getName().startsWith(KIT)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static Launcher launcher() {
        return LauncherFactory.create();
    }

    private static LauncherDiscoveryRequest request(Class<?> testClass) {
        return LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build();
    }
}
