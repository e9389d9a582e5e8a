package io.github.statestore.memory;

import io.github.statestore.ChangeEvent.Type;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.Subscription;
import io.github.statestore.Version;
import io.github.statestore.WatchOptions;
import io.github.statestore.contract.ChangeLog;
import io.github.statestore.contract.ContractFixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The memory store's watches are told of each change at once, not at their next poll. */
class MemoryWatchTest {
    private static final WatchOptions HOURLY = WatchOptions.builder().pollInterval(Duration.ofHours(1)).build();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void aChangeByAnotherStoreOfTheSpaceIsDeliveredWithoutWaitingForAPoll() throws Exception {
        StoreConfig space = StoreConfig.memory();
        Scope scope = Scope.of("app", "dev");
        ChangeLog log = new ChangeLog();
        try (StateStore watched = space.open(scope); StateStore writer = space.open(scope);
                Subscription ignored = watched.watch(log, HOURLY)) {
            Version v = writer.create("a", ContractFixture.state("a"));
            log.await("a created, before the hourly poll", PATIENCE, ChangeLog.is(Type.CREATED, "a", v));
            writer.deleteIf("a", v);
            log.await("a deleted, before the hourly poll", PATIENCE, ChangeLog.is(Type.DELETED, "a", v));
        }
    }
}
