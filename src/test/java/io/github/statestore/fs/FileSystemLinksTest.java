package io.github.statestore.fs;

import static io.github.statestore.contract.StateStoreContract.state;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.statestore.CorruptStateException;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StorageException;
import io.github.statestore.StoreConfig;
import io.github.statestore.Version;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves that symbolic links below the root take no read or write outside it: a document that is a link is
 * corrupt (and {@code set} replaces the link itself), a scope directory or a parent of one that is a link is
 * refused, naming it; the root itself may be a link. Each case runs on the JDK's secure directory stream
 * ({@code openat}, Linux) and on the by-path fallback other platforms use.
 */
class FileSystemLinksTest {
    private static final Scope SCOPE = Scope.of("app", "dev");
    private static final byte[] OUTSIDE_DOCUMENT = state("outside").toJsonBytes();

    @TempDir
    Path dir;
    private final List<StateStore> stores = new ArrayList<>();

    @AfterEach
    void closeStores() {
        stores.forEach(StateStore::close);
    }

    private StateStore open(Path root, boolean secure) throws IOException {
        StateStore store = TestStores.open(root, SCOPE, ScopeLock.MAX_WAIT, secure);
        stores.add(store);
        return store;
    }

    /** A directory outside the root holding {@code k.json}, a valid document the store must never reach. */
    private Path outside() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.write(outside.resolve("k.json"), OUTSIDE_DOCUMENT);
        return outside;
    }

    @ParameterizedTest(name = "secure directory stream: {0}")
    @ValueSource(booleans = {true, false})
    void aDocumentThatIsALinkIsCorruptAndNeverFollowed(boolean secure) throws IOException {
        Path root = dir.resolve(".alchemy");
        StateStore store = open(root, secure);
        store.set("good", state("good"));
        Path link = Files.createSymbolicLink(root.resolve("app/dev/k.json"), outside().resolve("k.json"));

        for (Executable read : List.<Executable>of(() -> store.get("k"), () -> store.getVersioned("k"),
                () -> store.getBatch(List.of("good", "k")), () -> store.create("k", state("k")),
                () -> store.deleteIf("k", Version.of("0123456789abcdef0123456789abcdef")))) {
            CorruptStateException e = assertThrows(CorruptStateException.class, read);
            assertEquals("k", e.getKey());
            assertEquals(link.toString(), e.getLocation());
            assertTrue(e.getMessage().contains("a symbolic link, not a regular file"), e.getMessage());
        }
        assertEquals(List.of("good"), store.list(), "a link is not listed");
        assertEquals(Map.of("good", state("good")), store.all());

        store.set("k", state("k"));
        assertFalse(Files.isSymbolicLink(link), "set replaced the link itself");
        assertEquals(state("k"), store.get("k").orElseThrow());
        assertArrayEquals(OUTSIDE_DOCUMENT, Files.readAllBytes(dir.resolve("outside/k.json")));
    }

    @ParameterizedTest(name = "secure directory stream: {0}")
    @ValueSource(booleans = {true, false})
    void deletingADocumentThatIsALinkRemovesTheLinkOnly(boolean secure) throws IOException {
        Path root = dir.resolve(".alchemy");
        StateStore store = open(root, secure);
        store.init();
        Path link = Files.createSymbolicLink(root.resolve("app/dev/k.json"), outside().resolve("k.json"));
        store.delete("k");
        assertFalse(Files.exists(link, LinkOption.NOFOLLOW_LINKS));
        assertArrayEquals(OUTSIDE_DOCUMENT, Files.readAllBytes(dir.resolve("outside/k.json")));
    }

    static Stream<Arguments> linkedDirectories() {
        return Stream.of(true, false).flatMap(secure -> Stream.of(
                Arguments.of(secure, "app/dev"), Arguments.of(secure, "app")));
    }

    @ParameterizedTest(name = "secure directory stream: {0}, {1} is a link")
    @MethodSource("linkedDirectories")
    void aScopeDirectoryOrAParentThatIsALinkIsRefused(boolean secure, String linked) throws IOException {
        Path root = dir.resolve(".alchemy");
        Path outside = outside();
        Path target = linked.equals("app") ? Files.createDirectories(dir.resolve("outside-app")) : outside;
        if (linked.equals("app")) {
            Files.move(outside, target.resolve("dev"));
        }
        Files.createDirectories(root.resolve(linked).getParent());
        Path link = Files.createSymbolicLink(root.resolve(linked), target);
        StateStore store = open(root, secure);
        Path outsideDocument = linked.equals("app") ? target.resolve("dev/k.json") : target.resolve("k.json");

        for (Executable call : List.<Executable>of(() -> store.get("k"), store::list, store::all, store::init,
                () -> store.set("k", state("k")), () -> store.set("new", state("new")), () -> store.delete("k"),
                () -> store.create("other", state("other")), store::clear)) {
            StorageException e = assertThrows(StorageException.class, call);
            assertTrue(e.getMessage().contains(link + ": a symbolic link, not a directory"), e.getMessage());
        }
        assertArrayEquals(OUTSIDE_DOCUMENT, Files.readAllBytes(outsideDocument));
        try (Stream<Path> files = Files.list(outsideDocument.getParent())) {
            assertEquals(List.of(outsideDocument), files.toList(), "nothing was written outside the root");
        }
    }

    @ParameterizedTest(name = "secure directory stream: {0}")
    @ValueSource(booleans = {true, false})
    void theRootMayBeALink(boolean secure) throws IOException {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path root = Files.createSymbolicLink(dir.resolve("link"), real);
        StateStore store = open(root, secure);
        store.set("k", state("k"));
        assertEquals(List.of("k"), store.list());
        assertEquals(state("k"), store.get("k").orElseThrow());
        assertTrue(Files.isRegularFile(real.resolve("app/dev/k.json")));
    }

    @Test
    void theRootIsResolvedOnceWhenTheStoreIsOpened() throws IOException {
        Path first = Files.createDirectories(dir.resolve("first"));
        Path root = Files.createSymbolicLink(dir.resolve("link"), first);
        StateStore store = StoreConfig.fileSystem(root).open(SCOPE);
        stores.add(store);
        store.set("k", state("k"));
        Files.delete(root);
        Files.createSymbolicLink(root, Files.createDirectories(dir.resolve("second")));
        store.set("j", state("j"));
        assertEquals(List.of("j", "k"), store.list());
        assertTrue(Files.isRegularFile(first.resolve("app/dev/j.json")), "still writes where it was opened");
        assertFalse(Files.exists(dir.resolve("second/app")));
    }

    @Test
    void aScopeDirectorySwappedForALinkAfterItWasOpenedIsNotFollowed() throws IOException {
        Path root = dir.resolve(".alchemy");
        try (DirectoryStream<Path> probe = Files.newDirectoryStream(dir)) {
            assumeTrue(probe instanceof SecureDirectoryStream, "this JDK has no SecureDirectoryStream (not Linux)");
        }
        StateStore store = open(root, true);
        store.set("k", state("k"));
        Path outside = outside();
        AtomicFiles files = new AtomicFiles(true);
        ScopeDirectory scopeDir = new ScopeDirectory(root.toRealPath(), root.toRealPath().resolve("app/dev"), files,
                true);
        try (Directory opened = scopeDir.open()) {
            Files.move(root.resolve("app/dev"), root.resolve("app/moved"));
            Files.createSymbolicLink(root.resolve("app/dev"), outside);
            assertEquals(state("k"), io.github.statestore.State.fromJson(opened.read("k.json")));
            files.write(opened, "j.json", state("j").toJsonBytes());
        }
        assertTrue(Files.isRegularFile(root.resolve("app/moved/j.json")));
        try (Stream<Path> entries = Files.list(outside)) {
            assertEquals(List.of(outside.resolve("k.json")), entries.toList());
        }
        assertThrows(StorageException.class, () -> store.get("k"), "the link is refused from then on");
    }
}
