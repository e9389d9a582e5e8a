package io.github.statestore.copy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.InvalidConfigException;
import io.github.statestore.Scope;
import io.github.statestore.ScopeCopy;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.contract.AlchemyFixture;
import io.github.statestore.contract.ConditionalWritesContract;
import io.github.statestore.fs.FileSystemConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ScopeCopy} between the FileSystem and in-memory stores: Alchemy's fixture tree goes FileSystem →
 * memory → FileSystem and comes back byte-identical (secrets still sealed, no password anywhere), a re-run
 * writes nothing, a target entry with other content is refused unless overwriting, and a dry run writes
 * nothing.
 */
class ScopeCopyTest {
    private static final Scope APP = Scope.of("myapp");

    @TempDir
    Path dir;

    @Test
    void alchemysTreeGoesToMemoryAndBackByteForByte() throws Exception {
        Path original = dir.resolve("original");
        AlchemyFixture.copyFsTree(original);
        StoreConfig memory = StoreConfig.memory();
        FileSystemConfig back = StoreConfig.fileSystem(dir.resolve("back"));
        AtomicInteger told = new AtomicInteger();

        ScopeCopy.Report there = ScopeCopy.from(StoreConfig.fileSystem(original)).to(memory).tree(APP)
                .verify(true).progress(p -> told.incrementAndGet()).run();
        ScopeCopy.Report home = ScopeCopy.from(memory).to(back).tree(APP).verify(true).run();

        assertEquals(List.of(APP, AlchemyFixture.DEV, AlchemyFixture.NESTED, AlchemyFixture.PROD), there.scopes());
        assertEquals(6, there.copied());
        assertEquals(6, there.verified());
        assertEquals(6, told.get());
        assertEquals(List.of(), there.refused());
        assertEquals(6, home.copied());
        assertSameFiles(original, dir.resolve("back"));
    }

    @Test
    void aSecondRunWritesNothingAndOtherContentIsRefusedUnlessOverwriting() {
        StoreConfig from = StoreConfig.memory();
        StoreConfig to = StoreConfig.memory();
        Scope scope = Scope.of("app", "dev");
        try (StateStore source = from.open(scope); StateStore target = to.open(scope)) {
            source.set("a", ConditionalWritesContract.counter(1));
            source.set("b", ConditionalWritesContract.counter(2));
            ScopeCopy.Report first = ScopeCopy.from(from).to(to).scope(scope).run();
            assertEquals(2, first.copied());

            ScopeCopy.Report again = ScopeCopy.from(from).to(to).scope(scope).run();
            assertEquals(0, again.copied());
            assertEquals(2, again.unchanged());

            target.set("b", ConditionalWritesContract.counter(99));
            ScopeCopy.Report refused = ScopeCopy.from(from).to(to).scope(scope).run();
            assertEquals(1, refused.refused().size());
            assertEquals("b", refused.refused().get(0).key());
            assertTrue(refused.refused().get(0).reason().contains("overwrite"), refused.toString());
            assertEquals(ConditionalWritesContract.counter(99), target.get("b").orElseThrow());

            ScopeCopy.Report dry = ScopeCopy.from(from).to(to).scope(scope).overwrite(true).dryRun(true).run();
            assertEquals(1, dry.overwritten());
            assertEquals(ConditionalWritesContract.counter(99), target.get("b").orElseThrow());

            ScopeCopy.Report overwritten = ScopeCopy.from(from).to(to).scope(scope).overwrite(true).run();
            assertEquals(1, overwritten.overwritten());
            assertEquals(ConditionalWritesContract.counter(2), target.get("b").orElseThrow());
        }
    }

    @Test
    void aCorruptSourceDocumentIsRefusedNotCopied() throws IOException {
        Path root = dir.resolve("src");
        Files.createDirectories(root.resolve("app"));
        Files.writeString(root.resolve("app/broken.json"), "{not json");
        StoreConfig to = StoreConfig.memory();

        ScopeCopy.Report report = ScopeCopy.from(StoreConfig.fileSystem(root)).to(to).scope(Scope.of("app")).run();

        assertEquals(0, report.copied());
        assertEquals("broken", report.refused().get(0).key());
        try (StateStore target = to.open(Scope.of("app"))) {
            assertEquals(List.of(), target.list());
        }
    }

    @Test
    void aCopyNeedsATargetAndAScope() {
        assertEquals("target", assertThrows(InvalidConfigException.class,
                () -> ScopeCopy.from(StoreConfig.memory()).scope(APP).run()).getSetting());
        assertEquals("scope", assertThrows(InvalidConfigException.class,
                () -> ScopeCopy.from(StoreConfig.memory()).to(StoreConfig.memory()).run()).getSetting());
    }

    /** Every document under {@code a} is under {@code b} with the same bytes, and no other document is. */
    static void assertSameFiles(Path a, Path b) throws IOException {
        assertEquals(files(a), files(b));
        for (Path relative : files(a)) {
            assertArrayEquals(Files.readAllBytes(a.resolve(relative)), Files.readAllBytes(b.resolve(relative)),
                    relative.toString());
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> p.toString().endsWith(".json")).map(root::relativize).sorted().toList();
        }
    }
}
