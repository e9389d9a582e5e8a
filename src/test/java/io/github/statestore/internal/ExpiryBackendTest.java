package io.github.statestore.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.statestore.ConflictException;
import io.github.statestore.contract.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The store's expiry logic on a manual clock, over a {@link MapBackend}, which keeps its expiry marks apart from
 * the documents, as S3 does: which marks it trusts, which it drops and when, and what a failed removal does.
 */
class ExpiryBackendTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final ManualClock clock = new ManualClock(T0);
    private final MapBackend backend = new MapBackend();
    private final ExpiryBackend expiring = new ExpiryBackend(backend, clock, new ParallelReads(1));

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anExpiryIsPassedAtItsInstantNotBefore() {
        backend.writeIf("k", bytes("v"), null, T0.plusSeconds(10));
        clock.advance(Duration.ofMillis(9_999));
        assertArrayEquals(bytes("v"), expiring.read("k"));
        assertEquals(List.of("k"), expiring.keys());
        clock.advance(Duration.ofMillis(1));
        assertNull(expiring.read("k"));
        assertEquals(List.of(), expiring.keys());
    }

    @Test
    void aReadThatMeetsAnExpiredDocumentRemovesItAndItsMarks() {
        backend.writeIf("k", bytes("v"), null, T0.plusSeconds(1));
        clock.advance(Duration.ofSeconds(2));
        assertNull(expiring.readEntry("k"));
        assertEquals(List.of(), backend.keys());
        assertEquals(List.of(), backend.marks("k"));
    }

    @Test
    void aStaleMarkIsTrustedNeverAndDroppedOnlyOnceItIsOld() {
        backend.writeIf("k", bytes("v"), null, T0.plusSeconds(1));
        backend.write("k", bytes("v2"));
        clock.advance(Duration.ofSeconds(2));
        assertEquals(List.of("k"), expiring.keys());
        assertEquals(1, backend.marks("k").size(), "a mark younger than 10 minutes may be a write's in flight");
        clock.advance(ExpiryBackend.STALE_MARK_AGE);
        assertEquals(List.of("k"), expiring.keys());
        assertEquals(List.of(), backend.marks("k"));
        assertArrayEquals(bytes("v2"), expiring.read("k"));
    }

    @Test
    void purgeCountsOnlyWhatItRemovedAndLeavesADocumentWrittenAgain() {
        backend.writeIf("a", bytes("a"), null, T0.plusSeconds(1));
        backend.writeIf("b", bytes("b"), null, T0.plusSeconds(1));
        backend.writeIf("c", bytes("c"), null, T0.plusSeconds(100));
        clock.advance(Duration.ofSeconds(2));
        backend.beforeNextWriteIf(() -> backend.writeIf("a", bytes("a2"), backend.readEntry("a").version(), null));
        assertEquals(1, expiring.purge(), "a, read expired, is written again before its delete; b is removed");
        assertEquals(List.of("a", "c"), backend.keys());
        assertArrayEquals(bytes("a2"), expiring.read("a"));
    }

    @Test
    void aFailedRemovalStillAnswersAbsent() {
        backend.writeIf("k", bytes("v"), null, T0.plusSeconds(1));
        clock.advance(Duration.ofSeconds(2));
        backend.failDeletes();
        assertNull(expiring.readDocument("k"));
        assertEquals(List.of(), expiring.keys());
        assertEquals(0, expiring.purge());
        assertEquals(List.of("k"), backend.keys());
    }

    @Test
    void aCreateOverAnExpiredDocumentRemovesItButNotOverALiveOne() {
        backend.writeIf("k", bytes("old"), null, T0.plusSeconds(1));
        assertThrows(ConflictException.class, () -> expiring.writeIf("k", bytes("new"), null));
        clock.advance(Duration.ofSeconds(1));
        expiring.writeIf("k", bytes("new"), null);
        assertArrayEquals(bytes("new"), expiring.read("k"));
        assertNull(backend.readEntry("k").expiresAt());
    }

    @Test
    void aWatchNeverSeesAnExpiredDocument() {
        backend.writeIf("k", bytes("v"), null, T0.plusSeconds(1));
        backend.write("p", bytes("p"));
        assertEquals(new TreeSet<>(List.of("k", "p")), new TreeSet<>(expiring.versions().keySet()));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of("p"), List.copyOf(expiring.versions().keySet()));
    }
}
