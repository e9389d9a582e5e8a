package io.github.statestore.r2;

import io.github.statestore.StoreConfig;
import io.github.statestore.contract.StateStoreContract;
import io.github.statestore.s3.S3Server;

/** The conformance suite on the R2 backend, its endpoint pointed at a real S3 API server (S3Proxy). */
class R2StoreIT extends StateStoreContract {
    @Override
    protected StoreConfig newConfig() {
        return R2Config.builder()
                .accountId("0123456789abcdef0123456789abcdef")
                .bucket(S3Server.newBucket())
                .accessKeyId(S3Server.ACCESS_KEY)
                .secretAccessKey(S3Server.SECRET_KEY)
                .endpoint(S3Server.endpoint())
                .build();
    }
}
