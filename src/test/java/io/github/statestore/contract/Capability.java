package io.github.statestore.contract;

/**
 * What a backend may lack. A backend's test class declares what it has by overriding
 * {@link ContractFixture#capabilities()}; the tests that need a capability it lacks are skipped, each with
 * the reason in the test report, never passed silently.
 */
public enum Capability {
    /** Separate store instances opened from one config share the storage: what one writes, the others read. */
    SHARED_INSTANCES("separate store instances of one config share the storage"),
    /** Documents of tens of megabytes: a string of 20,000,000 characters, the JSON limit, is stored. */
    LARGE_DOCUMENTS("documents of tens of megabytes are stored"),
    /** The config lists its storage's scopes: it implements {@link io.github.statestore.spi.ScopeDiscovery}. */
    SCOPE_DISCOVERY("the config lists its storage's scopes (ScopeDiscovery)"),
    /**
     * The backend keeps history entries, and the test class makes configs that keep history: it overrides
     * {@link ContractFixture#newConfig(io.github.statestore.HistoryPolicy)}.
     */
    HISTORY("the backend keeps history, and the test overrides newConfig(HistoryPolicy)"),
    /** The backend keeps an expiry with each document: {@link io.github.statestore.spi.Backend#keepsExpiry()}. */
    EXPIRY("the backend keeps an expiry with each document (Backend.keepsExpiry())");

    private final String meaning;

    Capability(String meaning) {
        this.meaning = meaning;
    }

    /** @return what the capability promises, for the reason of a skipped test */
    public String meaning() {
        return meaning;
    }
}
