package io.github.statestore.s3;

import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.contract.AlchemyLimits;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Documents in Alchemy's S3 layout, put into S3Proxy as raw objects: a 13 MB one reads and is written back
 * byte for byte; one past the limits is reported corrupt and left as it is.
 */
class AlchemyLimitsIT {
    private static final String OBJECT = "alchemy/app/dev/site:bundle";

    private final S3Client raw = S3Server.rawClient();
    private final String bucket = S3Server.newBucket();

    @AfterEach
    void closeRawClient() {
        raw.close();
    }

    @Test
    void aThirteenMegabyteAlchemyDocumentReadsAndRewritesUnchanged() {
        try (StateStore store = storeHolding(AlchemyLimits.largeDocument())) {
            AlchemyLimits.assertLargeDocumentReadsAndRewritesUnchanged(store, stored());
        }
    }

    @Test
    void anAlchemyDocumentPastTheLimitsIsCorruptAndKept() {
        try (StateStore store = storeHolding(AlchemyLimits.tooDeepDocument())) {
            AlchemyLimits.assertTooDeepDocumentIsCorrupt(store, stored());
        }
    }

    private StateStore storeHolding(byte[] document) {
        raw.putObject(b -> b.bucket(bucket).key(OBJECT).contentType("application/json"),
                RequestBody.fromBytes(document));
        return S3Server.config(bucket).build().open(Scope.of("app", "dev"));
    }

    private Supplier<byte[]> stored() {
        return () -> raw.getObjectAsBytes(b -> b.bucket(bucket).key(OBJECT)).asByteArray();
    }
}
