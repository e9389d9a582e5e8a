package io.github.statestore.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.ConflictException;
import io.github.statestore.CorruptStateException;
import io.github.statestore.Scope;
import io.github.statestore.internal.Digests;
import io.github.statestore.key.NameStyle;
import io.github.statestore.spi.Backend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where the FileSystem backend keeps a document's expiry: a file of {@code <scope dir>/%!expiry} whose lines
 * bind an expiry to one version of the document's bytes, so that the document stays Alchemy's JSON byte for
 * byte, nothing any lister sees is added, a line of bytes that are not there (a crash's leftover) is ignored,
 * and a write without an expiry clears it.
 */
class FileExpiryTest {
    private static final Scope SCOPE = Scope.of("myapp", "dev");
    private static final Instant AT = Instant.ofEpochMilli(1_700_000_000_123L);
    private static final byte[] ONE = json("{\"v\":1}");
    private static final byte[] TWO = json("{\"v\":2}");

    @TempDir
    Path dir;
    private FileLayout layout;
    private Path scopeDir;
    private Backend backend;

    @BeforeEach
    void open() throws IOException {
        layout = new FileLayout(ScopeDirectory.realRoot(dir.resolve(".alchemy")), NameStyle.POSIX);
        scopeDir = layout.scopeDir(SCOPE);
        backend = backend(true);
    }

    private Backend backend(boolean secureDirectories) {
        return new FileSystemBackend(layout, SCOPE, new AtomicFiles(true), Duration.ofSeconds(5),
                secureDirectories);
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private Path expiryFile(String key) {
        return scopeDir.resolve(FileLayout.EXPIRY_DIR).resolve(layout.historyDirName(key));
    }

    private static String line(byte[] document, Instant at) {
        return Digests.version(document) + " " + at.toEpochMilli() + "\n";
    }

    @Test
    void theDocumentStaysItsBytesAndTheScopeFolderGainsNoFile() throws IOException {
        backend.write("api/db", ONE, AT);
        assertArrayEquals(ONE, Files.readAllBytes(scopeDir.resolve("api:db.json")));
        assertEquals(List.of("%!expiry", ".statestore.lock", "api:db.json"), names(scopeDir));
        assertEquals(List.of("api:db"), names(scopeDir.resolve("%!expiry")));
        assertEquals(List.of("api/db"), backend.keys());
        assertEquals(Map.of("api/db", backend.readEntry("api/db").version()), backend.versions());
        assertEquals(List.of(), backend.lockNames());
        assertEquals(List.of(), new FileSystemScopes(layout, NameStyle.POSIX, new AtomicFiles(true))
                .childNames(SCOPE));
    }

    @ParameterizedTest(name = "secure directories: {0}")
    @ValueSource(booleans = {true, false})
    void theExpiryIsReadBackToTheMillisecond(boolean secureDirectories) {
        Backend backend = backend(secureDirectories);
        Instant at = Instant.ofEpochSecond(1_700_000_000L, 123_456_789L);
        backend.write("k", ONE, at);
        assertEquals(AT, backend.readEntry("k").expiresAt());
        assertEquals(Digests.version(ONE) + ".e1700000000123", backend.readEntry("k").version());
        assertEquals(AT, backend.readDocument("k").expiresAt());
        assertArrayEquals(ONE, backend.readDocument("k").bytes());
        assertEquals(AT, backend.readDocuments(List.of("k", "absent")).get(0).expiresAt());
        assertNull(backend.readDocuments(List.of("k", "absent")).get(1));
    }

    @Test
    void aDocumentWithoutExpiryReportsNone() {
        backend.write("k", ONE);
        assertNull(backend.readEntry("k").expiresAt());
        assertNull(backend.readDocument("k").expiresAt());
        assertNull(backend.readDocument("absent"));
        assertFalse(Files.exists(scopeDir.resolve(FileLayout.EXPIRY_DIR)));
        assertEquals(Map.of(), backend.expiries());
    }

    @Test
    void aWriteIfWithExpiryKeepsItAndAConflictWritesNothing() {
        String version = backend.writeIf("k", ONE, null, AT.plusNanos(999_999));
        assertEquals(backend.readEntry("k").version(), version);
        assertEquals(AT, backend.readEntry("k").expiresAt());
        assertThrows(ConflictException.class, () -> backend.writeIf("k", TWO, null, AT.plusSeconds(1)));
        assertThrows(ConflictException.class, () -> backend.writeIf("other", TWO, version, AT));
        assertEquals(AT, backend.readEntry("k").expiresAt());
        assertFalse(Files.exists(expiryFile("other")));
        backend.writeIf("k", TWO, version, AT.plusSeconds(1));
        assertEquals(AT.plusSeconds(1), backend.readEntry("k").expiresAt());
    }

    @Test
    void aPlainWriteClearsTheExpiry() {
        backend.write("k", ONE, AT);
        backend.write("k", TWO);
        assertNull(backend.readEntry("k").expiresAt());
        assertFalse(Files.exists(expiryFile("k")));
        backend.write("k", ONE, AT);
        backend.writeIf("k", TWO, backend.readEntry("k").version());
        assertNull(backend.readDocument("k").expiresAt());
        assertFalse(Files.exists(expiryFile("k")));
    }

    @Test
    void rewritingEqualBytesWithoutExpiryClearsIt() {
        backend.write("k", ONE, AT);
        backend.write("k", ONE);
        assertNull(backend.readEntry("k").expiresAt());
        backend.write("k", ONE, AT);
        backend.writeIf("k", ONE, backend.readEntry("k").version(), null);
        assertNull(backend.readDocument("k").expiresAt());
    }

    @Test
    void rewritingEqualBytesWithAnotherExpiryKeepsTheLastOne() {
        backend.write("k", ONE, AT);
        backend.write("k", ONE, AT.plusSeconds(60));
        assertEquals(AT.plusSeconds(60), backend.readEntry("k").expiresAt());
        backend.write("k", ONE, AT.minusSeconds(60));
        assertEquals(AT.minusSeconds(60), backend.readDocument("k").expiresAt());
    }

    @Test
    void aLineForOtherBytesIsIgnored() throws IOException {
        backend.write("k", ONE);
        Files.createDirectories(expiryFile("k").getParent());
        Files.writeString(expiryFile("k"), line(TWO, AT));
        assertNull(backend.readEntry("k").expiresAt());
        assertNull(backend.readDocument("k").expiresAt());
    }

    @Test
    void aCrashBeforeTheRenameLeavesTheOldDocumentsExpiry() throws IOException {
        backend.write("k", ONE, AT);
        // What a write of TWO with an expiry leaves when killed between its expiry file and its document.
        Files.writeString(expiryFile("k"), line(ONE, AT) + line(TWO, AT.plusSeconds(60)));
        assertArrayEquals(ONE, backend.readEntry("k").bytes());
        assertEquals(AT, backend.readEntry("k").expiresAt());
        assertEquals(AT, backend.readDocument("k").expiresAt());
        backend.write("k", TWO, AT.plusSeconds(120));
        assertEquals(line(ONE, AT) + line(TWO, AT.plusSeconds(120)), Files.readString(expiryFile("k")));
    }

    @Test
    void expiriesListsALowerBoundOfEachKeysExpiry() throws IOException {
        backend.write("a", ONE, AT.plusSeconds(10));
        backend.write("a", TWO, AT.plusSeconds(20));
        backend.write("b", ONE, AT);
        backend.write("plain", ONE);
        backend.write("cleared", ONE, AT);
        backend.write("cleared", TWO);
        Map<String, Instant> expiries = backend.expiries();
        assertEquals(Map.of("a", AT.plusSeconds(10), "b", AT), expiries);
        assertFalse(expiries.get("a").isAfter(backend.readEntry("a").expiresAt()));
        assertEquals(AT.plusSeconds(20), backend.readEntry("a").expiresAt());
    }

    @Test
    void expiriesSkipsFilesOfKeysWithoutDocumentAndTempFiles() throws IOException {
        backend.write("k", ONE, AT);
        Files.writeString(scopeDir.resolve("%!expiry/gone"), line(ONE, AT));
        Files.writeString(scopeDir.resolve("%!expiry/.0123456789abcdef.tmp"), line(ONE, AT));
        assertEquals(Map.of("k", AT), backend.expiries());
    }

    @Test
    void theFirstWriteWithExpiryRemovesAbandonedTempsButNotAnExpiryNamedLikeOne() throws IOException {
        String tempLikeKey = ".0123456789abcdef.tmp";
        backend.write(tempLikeKey, ONE, AT);
        Path abandoned = scopeDir.resolve("%!expiry/.fedcba9876543210.tmp");
        Files.writeString(abandoned, line(ONE, AT));
        backend(true).write("k", ONE, AT);
        assertFalse(Files.exists(abandoned));
        assertEquals(AT, backend.readEntry(tempLikeKey).expiresAt());
        assertEquals(Map.of(tempLikeKey, AT, "k", AT), backend.expiries());
    }

    @Test
    void aLongKeysExpiryFileIsNamedAsItsHistoryFolder() throws IOException {
        String key = "k".repeat(400);
        backend.write(key, ONE, AT);
        String stem = layout.historyDirName(key);
        assertTrue(FileLayout.isLongName(stem + FileLayout.SUFFIX));
        assertEquals(List.of(stem), names(scopeDir.resolve("%!expiry")));
        assertEquals(AT, backend.readEntry(key).expiresAt());
        assertEquals(AT, backend.readDocument(key).expiresAt());
        assertEquals(Map.of(key, AT), backend.expiries());
        assertEquals(List.of(key), backend.keys());
        backend.delete(key);
        assertEquals(List.of(), names(scopeDir.resolve("%!expiry")));
        assertEquals(Map.of(), backend.expiries());
    }

    @Test
    void deletesRemoveTheExpiryFile() {
        backend.write("a", ONE, AT);
        backend.write("b", ONE, AT);
        backend.write("c", ONE, AT);
        backend.delete("a");
        assertFalse(Files.exists(expiryFile("a")));
        backend.deleteIf("b", backend.readEntry("b").version());
        assertFalse(Files.exists(expiryFile("b")));
        backend.deleteAll(List.of("c"));
        assertFalse(Files.exists(expiryFile("c")));
        assertEquals(Map.of(), backend.expiries());
        backend.write("a", ONE);
        assertNull(backend.readEntry("a").expiresAt());
    }

    @Test
    void aFailedDeleteIfKeepsTheExpiry() {
        backend.write("k", ONE, AT);
        assertThrows(ConflictException.class, () -> backend.deleteIf("k", Digests.version(TWO)));
        assertEquals(AT, backend.readEntry("k").expiresAt());
    }

    @Test
    void theVersionTellsTheExpiryApartSoARemovalLosesToARewriteOfTheSameBytes() {
        backend.write("k", ONE);
        String permanent = backend.readEntry("k").version();
        assertEquals(Digests.version(ONE), permanent);
        backend.write("k", ONE, AT);
        String expiring = backend.readEntry("k").version();
        assertEquals(Map.of("k", expiring), backend.versions());
        backend.write("k", ONE, AT.plusSeconds(60));
        String refreshed = backend.readEntry("k").version();
        assertFalse(refreshed.equals(expiring));
        assertEquals(Map.of("k", refreshed), backend.versions());
        assertThrows(ConflictException.class, () -> backend.deleteIf("k", expiring));
        assertThrows(ConflictException.class, () -> backend.deleteIf("k", permanent));
        assertThrows(ConflictException.class, () -> backend.writeIf("k", TWO, expiring));
        assertEquals(AT.plusSeconds(60), backend.readEntry("k").expiresAt());
        backend.write("k", ONE);
        assertEquals(Map.of("k", permanent), backend.versions());
        backend.deleteIf("k", permanent);
        assertNull(backend.readEntry("k"));
    }

    @Test
    void anExpiryFileThatIsALinkIsCorruptForReadsAndSkippedByTheListing() throws IOException {
        backend.write("k", ONE, AT);
        Path target = dir.resolve("elsewhere");
        Files.writeString(target, line(ONE, AT));
        Files.delete(expiryFile("k"));
        Files.createSymbolicLink(expiryFile("k"), target);
        CorruptStateException e = assertThrows(CorruptStateException.class, () -> backend.readEntry("k"));
        assertEquals(expiryFile("k").toString(), e.getLocation());
        assertThrows(CorruptStateException.class, () -> backend.readDocument("k"));
        assertEquals(Map.of(), backend.expiries());
        backend.write("k", ONE);
        assertNull(backend.readEntry("k").expiresAt());
        assertTrue(Files.exists(target));
    }

    @Test
    void keepsExpiry() {
        assertTrue(backend.keepsExpiry());
    }
}
