package io.github.statestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.statestore.r2.R2Config;
import io.github.statestore.s3.S3Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
    /** How often the child's lease is renewed: every third of its ttl. */
    private static final Duration RENEWAL_PERIOD = LeaseHolder.TTL.dividedBy(3);
    /** How late a renewal may start and land, on a loaded machine, after its period. */
    private static final Duration RENEWAL_SLACK = Duration.ofMillis(250);
    /** How much longer than the ttl the takeover may take: a waiter's poll, and a loaded machine. */
    private static final Duration TAKEOVER_MARGIN = Duration.ofSeconds(2);
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

    /**
     * The child holds its lease for two ttls (only renewal keeps it), dies, and this JVM waits for the lock:
     * it gets it no earlier than the expiry the child last recorded, and about a ttl after the death, not much
     * more. The figures are printed.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aHolderThatDiesBlocksOthersOnlyUntilItsLeaseExpires(Backend backend) throws Exception {
        Space space = backend.space(dir);
        try (StateStore store = space.config().open(LeaseHolder.SCOPE);
                LeaseHolderJvm child = LeaseHolderJvm.start(space.url(), space.env())) {
            long childToken = child.awaitHeld();
            Instant heldAt = Instant.now();
            assertHeldBy(store, child.pid());
            child.awaitLine(line -> line.startsWith(LeaseHolder.WROTE)
                    && Instant.now().isAfter(heldAt.plus(LeaseHolder.TTL.multipliedBy(2))),
                    "a fenced write two ttls after the child took the lease");
            assertHeldBy(store, child.pid());
            Instant killed = Instant.now();
            child.kill();
            Instant dead = Instant.now();
            Instant until = assertHeldBy(store, child.pid()).getUntil();
            try (Lease mine = store.lock(LeaseHolder.LOCK, PARENT_TTL, LeaseHolderJvm.HANG_GUARD)) {
                Instant taken = Instant.now();
                Duration blocked = Duration.between(dead, taken);
                System.out.printf("%s: a holder killed with ttl %d ms blocked the lock for %d ms after its death "
                        + "(its lease ran %d ms past it)%n", backend, LeaseHolder.TTL.toMillis(), blocked.toMillis(),
                        Duration.between(dead, until).toMillis());
                assertFalse(taken.isBefore(until), "taken at " + taken + ", before the dead holder's lease "
                        + "expired at " + until);
                assertTrue(blocked.compareTo(LeaseHolder.TTL.minus(RENEWAL_PERIOD).minus(RENEWAL_SLACK)) >= 0,
                        "blocked only " + blocked + " after the holder died, although its ttl is " + LeaseHolder.TTL
                                + " and it renewed every " + RENEWAL_PERIOD);
                assertTrue(Duration.between(killed, taken).compareTo(LeaseHolder.TTL.plus(TAKEOVER_MARGIN)) <= 0,
                        "blocked " + blocked + " after the holder died, much more than its ttl " + LeaseHolder.TTL);
                assertTrue(mine.fencingToken() > childToken, mine.fencingToken() + " after " + childToken);
                mine.set(LeaseHolder.KEY, LeaseHolder.state("parent", 0));
                assertEquals("parent", store.get(LeaseHolder.KEY).orElseThrow().id());
            }
        }
    }

    private static LockHeldException assertHeldBy(StateStore store, long pid) {
        LockHeldException e = assertThrows(LockHeldException.class, () -> store.lock(LeaseHolder.LOCK, PARENT_TTL),
                "the child's lease was already free: it expired before this check, so renewals came too late");
        assertEquals(pid, e.getHolder().pid());
        assertTrue(e.getMessage().contains(" pid " + pid + " "), e.getMessage());
        return e;
    }
}
