package io.github.statestore.s3;

import io.github.statestore.HistoryPolicy;
import io.github.statestore.Scope;
import io.github.statestore.StoreConfig;
import io.github.statestore.contract.StateStoreContract;
import java.util.List;

/** The conformance suite on the S3 backend, against a real S3 API server (S3Proxy) on loopback. */
class S3StoreIT extends StateStoreContract {
    @Override
    protected StoreConfig newConfig() {
        return S3Server.config(S3Server.newBucket()).build();
    }

    @Override
    protected StoreConfig newConfig(HistoryPolicy policy) {
        return S3Server.config(S3Server.newBucket()).history(policy).build();
    }

    @Override
    protected List<String> rawDocumentNames(StoreConfig config, Scope scope) {
        S3Config s3 = (S3Config) config;
        return S3Server.objectNamesUnder(s3.bucket(), s3.prefix(), scope);
    }
}
