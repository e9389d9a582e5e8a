package io.github.statestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.Lease;
import io.github.statestore.LockHeldException;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.fs.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code statestore unlock} of a lease whose holder was killed: the lock stays held for its five-minute ttl,
 * {@code locks} shows the dead holder, and {@code unlock --force} frees it at once for the next taker, whose
 * fencing token is larger.
 */
class CliUnlockIT {
    @TempDir
    Path dir;

    @Test
    void aKilledHoldersLockIsBrokenAndTakenAtOnce() throws Exception {
        String url = "file:" + dir;
        Scope scope = Scope.of("my-app", "dev");
        try (ChildJvm holder = ChildJvm.start(Map.of(), KilledHolder.class, url)) {
            holder.awaitReady();
        }
        try (StateStore store = StoreConfig.parse(url).open(scope)) {
            long deadToken = store.locks().get(0).fencingToken();
            assertThrows(LockHeldException.class, () -> store.lock("deploy", Duration.ofSeconds(10)));
            CliRun locks = CliRun.of("--url", url, "locks", "my-app/dev");
            assertTrue(locks.out().startsWith("my-app/dev deploy: held by "), locks.out());
            assertTrue(locks.out().endsWith(", token " + deadToken + "\n"), locks.out());

            CliRun unlock = CliRun.of("--url", url, "unlock", "--force", "my-app/dev", "deploy");
            assertEquals(0, unlock.code(), unlock.err());
            try (Lease next = store.lock("deploy", Duration.ofSeconds(10))) {
                assertTrue(next.fencingToken() > deadToken, next.fencingToken() + " after " + deadToken);
            }
        }
    }
}
