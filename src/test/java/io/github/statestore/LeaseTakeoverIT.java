package io.github.statestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.statestore.r2.R2Config;
import io.github.statestore.s3.S3Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Proves, across processes on FileSystem, S3 and R2, that a lease holder that stalls (SIGSTOP) or dies
 * (SIGKILL) blocks the lock only until its lease expires, and that a stalled holder's write after the
 * takeover is fenced.
 */
class LeaseTakeoverIT {
    private static final Duration PARENT_TTL = Duration.ofSeconds(10);
    private static final String R2_ACCOUNT = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    /** Where the child and this JVM find the same store: the child by URL and environment, this JVM by config. */
    private record Space(String url, Map<String, String> env, StoreConfig config, LongPredicate blocksWriters) {
    }

    enum Backend {
        FILE_SYSTEM {
            @Override
            Space space(Path dir) {
                Path root = dir.resolve("store");
                Path scopeLock = root.resolve("lease").resolve("takeover").resolve(".statestore.lock");
                return new Space(root.toUri().toString(), Map.of(), StoreConfig.fileSystem(root),
                        pid -> LeaseHolderJvm.holdsLock(pid, scopeLock));
            }
        },
        S3 {
            @Override
            Space space(Path dir) {
                String bucket = S3Server.newBucket();
                return new Space("s3://" + bucket + "?endpoint=" + S3Server.endpoint() + "&pathStyle=true"
                        + "&region=us-east-1", Map.of("AWS_ACCESS_KEY_ID", S3Server.ACCESS_KEY,
                        "AWS_SECRET_ACCESS_KEY", S3Server.SECRET_KEY), S3Server.config(bucket).build(), pid -> false);
            }
        },
        R2 {
            @Override
            Space space(Path dir) {
                String bucket = S3Server.newBucket();
                return new Space("r2://" + R2_ACCOUNT + "/" + bucket + "?endpoint=" + S3Server.endpoint(),
                        Map.of("R2_ACCESS_KEY_ID", S3Server.ACCESS_KEY, "R2_SECRET_ACCESS_KEY", S3Server.SECRET_KEY),
                        R2Config.builder().accountId(R2_ACCOUNT).bucket(bucket).accessKeyId(S3Server.ACCESS_KEY)
                                .secretAccessKey(S3Server.SECRET_KEY).endpoint(S3Server.endpoint()).build(),
                        pid -> false);
            }
        };

        /**
         * A new, empty store space.
         *
         * @param dir a directory of the test's own
         * @return the space; its {@code blocksWriters} tells whether a stopped child would block this JVM's
         *     writes (a FileSystem writer stopped inside a write keeps the scope's OS lock until it resumes)
         */
        abstract Space space(Path dir);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aStalledHolderIsTakenOverAndItsLateWriteIsFenced(Backend backend) throws Exception {
        assumeTrue(System.getProperty("os.name").equals("Linux") && Files.isDirectory(Path.of("/proc/self")),
                "stopping a process needs kill -STOP and /proc, which this test has only on Linux; this is "
                        + System.getProperty("os.name"));
        Space space = backend.space(dir);
        try (StateStore store = space.config().open(LeaseHolder.SCOPE);
                LeaseHolderJvm child = LeaseHolderJvm.start(space.url(), space.env())) {
            long childToken = child.awaitHeld();
            assertHeldBy(store, child.pid());
            child.awaitLine((LeaseHolder.WROTE + 1)::equals, LeaseHolder.WROTE + 1);
            assertEquals("child-" + child.pid(), store.get(LeaseHolder.KEY).orElseThrow().id());
            child.stopWhenNot(space.blocksWriters());
            try (Lease mine = store.lock(LeaseHolder.LOCK, PARENT_TTL, LeaseHolderJvm.HANG_GUARD)) {
                assertTrue(mine.fencingToken() > childToken, mine.fencingToken() + " after " + childToken);
                mine.set(LeaseHolder.KEY, LeaseHolder.state("parent", 0));
                child.resume();
                String fenced = child.awaitLine(line -> line.startsWith(LeaseHolder.FENCED), LeaseHolder.FENCED);
                assertTrue(fenced.contains("with token " + childToken + " refused"), fenced);
                assertEquals(0, child.awaitExit());
                State kept = store.get(LeaseHolder.KEY).orElseThrow();
                assertEquals("parent", kept.id());
                Map<?, ?> fence = (Map<?, ?>) kept.extraFields().get("@fence");
                assertEquals(LeaseHolder.LOCK, fence.get("lock"));
                assertEquals(mine.fencingToken(), ((Number) fence.get("token")).longValue());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aHolderThatDiesBlocksOthersOnlyUntilItsLeaseExpires(Backend backend) throws Exception {
        Space space = backend.space(dir);
        try (StateStore store = space.config().open(LeaseHolder.SCOPE);
                LeaseHolderJvm child = LeaseHolderJvm.start(space.url(), space.env())) {
            long childToken = child.awaitHeld();
            assertHeldBy(store, child.pid());
            child.awaitLine((LeaseHolder.WROTE + 0)::equals, LeaseHolder.WROTE + 0);
            child.kill();
            try (Lease mine = store.lock(LeaseHolder.LOCK, PARENT_TTL, LeaseHolderJvm.HANG_GUARD)) {
                assertTrue(mine.fencingToken() > childToken, mine.fencingToken() + " after " + childToken);
                mine.set(LeaseHolder.KEY, LeaseHolder.state("parent", 0));
                assertEquals("parent", store.get(LeaseHolder.KEY).orElseThrow().id());
            }
        }
    }

    private static void assertHeldBy(StateStore store, long pid) {
        LockHeldException e = assertThrows(LockHeldException.class, () -> store.lock(LeaseHolder.LOCK, PARENT_TTL),
                "the child's lease was already free: it expired before this check, so renewals came too late");
        assertEquals(pid, e.getHolder().pid());
        assertTrue(e.getMessage().contains(" pid " + pid + " "), e.getMessage());
    }
}
