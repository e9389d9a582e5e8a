package io.github.statestore.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.statestore.ConflictException;
import io.github.statestore.StorageException;
import io.github.statestore.contract.ManualClock;
import io.github.statestore.spi.Backend;
import io.github.statestore.spi.Conflicts;
import io.github.statestore.spi.Entry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The store's expiry logic on a manual clock, over a backend that keeps its expiry marks apart from the
 * documents, as S3 does: which marks it trusts, which it drops and when, and what a failed removal does.
 */
class ExpiryBackendTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final ManualClock clock = new ManualClock(T0);
    private final MarkingBackend backend = new MarkingBackend();
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
        assertEquals(Map.of(), backend.documents);
        assertEquals(Map.of(), backend.marks);
    }

    @Test
    void aStaleMarkIsTrustedNeverAndDroppedOnlyOnceItIsOld() {
        backend.writeIf("k", bytes("v"), null, T0.plusSeconds(1));
        backend.write("k", bytes("v2"));
        clock.advance(Duration.ofSeconds(2));
        assertEquals(List.of("k"), expiring.keys());
        assertEquals(1, backend.marks.get("k").size(), "a mark younger than 10 minutes may be a write's in flight");
        clock.advance(ExpiryBackend.STALE_MARK_AGE);
        assertEquals(List.of("k"), expiring.keys());
        assertNull(backend.marks.get("k"));
        assertArrayEquals(bytes("v2"), expiring.read("k"));
    }

    @Test
    void purgeCountsOnlyWhatItRemovedAndLeavesADocumentWrittenAgain() {
        backend.writeIf("a", bytes("a"), null, T0.plusSeconds(1));
        backend.writeIf("b", bytes("b"), null, T0.plusSeconds(1));
        backend.writeIf("c", bytes("c"), null, T0.plusSeconds(100));
        clock.advance(Duration.ofSeconds(2));
        backend.beforeDelete = key -> {
            if (key.equals("b")) {
                backend.writeIf("b", bytes("b2"), backend.documents.get("b").version(), null);
            }
        };
        assertEquals(1, expiring.purge());
        assertEquals(new TreeSet<>(List.of("b", "c")), new TreeSet<>(backend.documents.keySet()));
        assertArrayEquals(bytes("b2"), expiring.read("b"));
    }

    @Test
    void aFailedRemovalStillAnswersAbsent() {
        backend.writeIf("k", bytes("v"), null, T0.plusSeconds(1));
        clock.advance(Duration.ofSeconds(2));
        backend.beforeDelete = key -> {
            throw new StorageException("deleteIf", key, "somewhere", new java.io.IOException("read-only"), false);
        };
        assertNull(expiring.readDocument("k"));
        assertEquals(List.of(), expiring.keys());
        assertEquals(0, expiring.purge());
        assertEquals(1, backend.documents.size());
    }

    @Test
    void aCreateOverAnExpiredDocumentRemovesItButNotOverALiveOne() {
        backend.writeIf("k", bytes("old"), null, T0.plusSeconds(1));
        assertThrows(ConflictException.class, () -> expiring.writeIf("k", bytes("new"), null));
        clock.advance(Duration.ofSeconds(1));
        expiring.writeIf("k", bytes("new"), null);
        assertArrayEquals(bytes("new"), expiring.read("k"));
        assertNull(backend.documents.get("k").expiresAt());
    }

    @Test
    void aWatchNeverSeesAnExpiredDocument() {
        backend.writeIf("k", bytes("v"), null, T0.plusSeconds(1));
        backend.write("p", bytes("p"));
        assertEquals(new TreeSet<>(List.of("k", "p")), new TreeSet<>(expiring.versions().keySet()));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of("p"), List.copyOf(expiring.versions().keySet()));
    }

    /** Documents with their expiry in the entry, and marks kept apart, written before the document as S3's are. */
    private static final class MarkingBackend implements Backend {
        final Map<String, Entry> documents = new TreeMap<>();
        final Map<String, List<Instant>> marks = new TreeMap<>();
        java.util.function.Consumer<String> beforeDelete = key -> { };
        private int writes;

        @Override
        public void init() {
        }

        @Override
        public List<String> keys() {
            return new ArrayList<>(documents.keySet());
        }

        @Override
        public Entry readEntry(String key) {
            return documents.get(key);
        }

        @Override
        public String writeIf(String key, byte[] document, String expected) {
            return writeIf(key, document, expected, null);
        }

        @Override
        public String writeIf(String key, byte[] document, String expected, Instant expiresAt) {
            Entry current = documents.get(key);
            String found = current == null ? null : current.version();
            if (expected == null ? found != null : !expected.equals(found)) {
                throw Conflicts.of(key, expected, found, Conflicts.writeOperation(expected));
            }
            if (expiresAt != null) {
                marks.computeIfAbsent(key, k -> new ArrayList<>()).add(expiresAt);
            }
            Entry written = new Entry(document.clone(), "v" + ++writes, expiresAt);
            documents.put(key, written);
            return written.version();
        }

        @Override
        public void write(String key, byte[] document) {
            Entry current = documents.get(key);
            writeIf(key, document, current == null ? null : current.version());
        }

        @Override
        public void deleteIf(String key, String expected) {
            beforeDelete.accept(key);
            Entry current = documents.get(key);
            if (current == null || !current.version().equals(expected)) {
                throw Conflicts.of(key, expected, current == null ? null : current.version(), "deleteIf");
            }
            documents.remove(key);
        }

        @Override
        public boolean keepsExpiry() {
            return true;
        }

        @Override
        public Map<String, Instant> expiries() {
            Map<String, Instant> earliest = new HashMap<>();
            marks.forEach((key, instants) -> earliest.put(key, instants.stream().min(Instant::compareTo).orElseThrow()));
            return earliest;
        }

        @Override
        public void forgetExpiries(String key, Instant upTo) {
            List<Instant> kept = marks.getOrDefault(key, List.of()).stream().filter(i -> i.isAfter(upTo)).toList();
            if (kept.isEmpty()) {
                marks.remove(key);
            } else {
                marks.put(key, new ArrayList<>(kept));
            }
        }

        @Override
        public Entry readLock(String name) {
            return null;
        }

        @Override
        public String writeLockIf(String name, byte[] record, String expected) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(String key) {
            documents.remove(key);
        }

        @Override
        public String locate(String key) {
            return "marking:" + key;
        }

        @Override
        public String locateLock(String name) {
            return "marking lock " + name;
        }

        @Override
        public void close() {
        }
    }
}
