package io.github.statestore.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.statestore.Lease;
import io.github.statestore.Scope;
import io.github.statestore.StateStores;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Listing the scopes of a storage, nested ones included, on every backend that declares it can. */
public abstract class ScopeDiscoveryContract extends StateLimitsContract {

    @Test
    void everyScopeThatHoldsDocumentsIsListedWithTheScopesAboveIt() {
        requires(Capability.SCOPE_DISCOVERY);
        store.set("a/b", state("slashed key, not a scope"));
        open(Scope.of("app", "dev", "child")).set("k", state("k"));
        open(Scope.of("app", "prod")).set("k", state("k"));
        open(Scope.of("other", "x", "y")).set("k", state("k"));
        try (Lease lease = store.lock("deploy", Duration.ofSeconds(10))) {
            assertEquals(scopes("app", "app/dev", "app/dev/child", "app/prod", "other", "other/x", "other/x/y"),
                    StateStores.scopes(config()));
        }
    }

    @Test
    void theScopesBelowOneAreListedWithoutItself() {
        requires(Capability.SCOPE_DISCOVERY);
        store.set("k", state("k"));
        open(Scope.of("app", "dev", "child")).set("k", state("k"));
        open(Scope.of("app", "prod")).set("k", state("k"));
        open(Scope.of("apple")).set("k", state("k"));
        assertEquals(scopes("app/dev", "app/dev/child", "app/prod"), StateStores.scopes(config(), Scope.of("app")));
        assertEquals(scopes(), StateStores.scopes(config(), Scope.of("app", "prod")));
        assertEquals(scopes(), StateStores.scopes(config(), Scope.of("nowhere")));
    }

    private static List<Scope> scopes(String... paths) {
        return Stream.of(paths).map(p -> Scope.of(List.of(p.split("/")))).toList();
    }
}
