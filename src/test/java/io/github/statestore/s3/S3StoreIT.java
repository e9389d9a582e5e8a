package io.github.statestore.s3;

import io.github.statestore.StoreConfig;
import io.github.statestore.contract.StateStoreContract;

/** The conformance suite on the S3 backend, against a real S3 API server (S3Proxy) on loopback. */
class S3StoreIT extends StateStoreContract {
    @Override
    protected StoreConfig newConfig() {
        return S3Server.config(S3Server.newBucket()).build();
    }
}
