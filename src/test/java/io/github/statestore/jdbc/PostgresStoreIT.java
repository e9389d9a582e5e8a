package io.github.statestore.jdbc;

import io.github.statestore.HistoryPolicy;
import io.github.statestore.StoreConfig;
import io.github.statestore.contract.StateStoreContract;

/** The conformance suite on the JDBC backend against a real PostgreSQL server started by the test suite. */
class PostgresStoreIT extends StateStoreContract {
    @Override
    protected StoreConfig newConfig() {
        return PostgresServer.newConfig().build();
    }

    @Override
    protected StoreConfig newConfig(HistoryPolicy policy) {
        return PostgresServer.newConfig().history(policy).build();
    }
}
