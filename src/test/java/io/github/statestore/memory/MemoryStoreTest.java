package io.github.statestore.memory;

import io.github.statestore.HistoryPolicy;
import io.github.statestore.StoreConfig;
import io.github.statestore.contract.StateStoreContract;

/** The conformance suite on the in-memory backend. */
class MemoryStoreTest extends StateStoreContract {
    @Override
    protected StoreConfig newConfig() {
        return StoreConfig.memory();
    }

    @Override
    protected StoreConfig newConfig(HistoryPolicy policy) {
        return new MemoryConfig(null, policy);
    }
}
