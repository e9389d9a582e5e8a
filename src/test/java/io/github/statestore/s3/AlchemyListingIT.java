package io.github.statestore.s3;

import static io.github.statestore.contract.ContractFixture.state;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.statestore.Lease;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Holds what docs/s3.md says of Alchemy's listing, on a real S3 API server (S3Proxy): Alchemy lists a scope
 * with its prefix and no delimiter, which shows a nested scope's objects but never our lease entries, which
 * live under {@code <prefix>%!locks/}.
 */
class AlchemyListingIT {
    private static final Scope SCOPE = Scope.of("my-app", "dev");

    @Test
    void alchemysListingOfAScopeShowsNestedScopesButNeverOurLeaseEntries() {
        String bucket = S3Server.newBucket();
        S3Config config = S3Server.config(bucket).build();
        try (StateStore store = config.open(SCOPE); StateStore nested = config.open(SCOPE.child("api"));
                S3Client raw = S3Server.rawClient()) {
            store.set("assets", state("assets"));
            nested.set("database", state("database"));
            try (Lease lease = store.lock("deploy", Duration.ofSeconds(30))) {
                List<String> alchemysListing = raw.listObjectsV2Paginator(b -> b.bucket(bucket)
                        .prefix("alchemy/my-app/dev/")).contents().stream().map(S3Object::key).sorted().toList();
                assertEquals(List.of("alchemy/my-app/dev/api/database", "alchemy/my-app/dev/assets"), alchemysListing);
                assertDoesNotThrow(() -> raw.headObject(o -> o.bucket(bucket).key("alchemy/%!locks/my-app/dev/deploy")));
            }
        }
    }
}
