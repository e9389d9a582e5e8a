package io.github.statestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * The cross-process lease scenarios, on any store that a {@link LeaseHolder} child JVM opens by URL while this
 * JVM opens it by config: a holder that stalls (SIGSTOP) is taken over and its late write fenced; a holder that
 * dies (SIGKILL) blocks the lock only until its lease expires. Used by {@link LeaseTakeoverIT} and the JDBC
 * store's tests. Stateless.
 */
public final class LeaseTakeovers {
    private static final Duration PARENT_TTL = Duration.ofSeconds(10);
    /** How often the child's lease is renewed: every third of its ttl. */
    private static final Duration RENEWAL_PERIOD = LeaseHolder.TTL.dividedBy(3);
    /** How late a renewal may start and land, on a loaded machine, after its period. */
    private static final Duration RENEWAL_SLACK = Duration.ofMillis(250);
    /** How much longer than the ttl the takeover may take: a waiter's poll, and a loaded machine. */
    private static final Duration TAKEOVER_MARGIN = Duration.ofSeconds(2);

    private LeaseTakeovers() {
    }

    /**
     * Where the child and this JVM find the same, empty store.
     *
     * @param url the store URL the child opens
     * @param env what the child needs in its environment besides this JVM's, such as credentials
     * @param config the same store, for this JVM
     * @param blocksWriters whether a stopped child, given its pid, would block this JVM's writes (a FileSystem
     *     writer stopped inside a write keeps the scope's OS lock until it resumes)
     */
    public record Space(String url, Map<String, String> env, StoreConfig config, LongPredicate blocksWriters) {
        /**
         * A space whose stopped child never blocks this JVM's writes.
         *
         * @param url the store URL the child opens
         * @param env what the child needs in its environment
         * @param config the same store, for this JVM
         */
        public Space(String url, Map<String, String> env, StoreConfig config) {
            this(url, env, config, pid -> false);
        }
    }

    /**
     * {@return whether a process, given its pid, holds an OS lock covering a byte of a file} Such as a SQLite
     * writer's lock: byte 120 of the database's {@code -shm} file in WAL mode.
     *
     * @param file the locked file
     * @param offset the byte
     */
    public static LongPredicate holdsLockOn(Path file, long offset) {
        return pid -> Files.exists(file) && LeaseHolderJvm.holdsLock(pid, file, offset);
    }

    /**
     * The child takes the lock and writes under it, is stopped (SIGSTOP), and this JVM takes the lock over once
     * the child's lease expires, with a higher fencing token, and writes; the resumed child's next write is
     * fenced and this JVM's document stays. Skipped where stopping a process needs what only Linux has here.
     *
     * @param space the store
     */
    public static void assertStalledHolderIsTakenOverAndFenced(Space space) throws Exception {
        assumeTrue(System.getProperty("os.name").equals("Linux") && Files.isDirectory(Path.of("/proc/self")),
                "stopping a process needs kill -STOP and /proc, which this test has only on Linux; this is "
                        + System.getProperty("os.name"));
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
     *
     * @param backend the store's name, for the printed figures
     * @param space the store
     */
    public static void assertKilledHolderBlocksOnlyUntilItsLeaseExpires(String backend, Space space)
            throws Exception {
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
