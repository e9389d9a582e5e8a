package io.github.statestore.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.ScopeCopy;
import io.github.statestore.StateStoreException;
import io.github.statestore.StateStores;
import io.github.statestore.StoreArchive;
import io.github.statestore.StoreConfig;
import io.github.statestore.contract.AlchemyFixture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StoreArchive}: Alchemy's fixture tree exported from the FileSystem store and imported into another
 * comes back byte-identical (its secret still sealed, no password anywhere); a second import writes nothing;
 * a file that is not an archive is refused by line.
 */
class StoreArchiveTest {
    @TempDir
    Path dir;

    @Test
    void anExportImportedElsewhereIsByteIdentical() throws Exception {
        Path original = dir.resolve("original");
        AlchemyFixture.copyFsTree(original);
        ByteArrayOutputStream archive = new ByteArrayOutputStream();

        ScopeCopy.Report exported = StoreArchive.export(StoreConfig.fileSystem(original), archive);
        StoreConfig copy = StoreConfig.fileSystem(dir.resolve("copy"));
        ScopeCopy.Report imported = StoreArchive.importInto(copy, in(archive.toByteArray()), false);
        ScopeCopy.Report again = StoreArchive.importInto(copy, in(archive.toByteArray()), false);

        assertEquals(6, exported.copied());
        String text = archive.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\"format\":\"statestore-archive\",\"version\":1}\n"), text);
        assertEquals(7, text.lines().count());
        assertEquals(6, imported.copied());
        assertEquals(6, again.unchanged());
        assertEquals(List.of(), again.refused());
        ScopeCopyTest.assertSameFiles(original, dir.resolve("copy"));
    }

    @Test
    void aTreeIsExportedWithTheScopesBelowIt() throws Exception {
        Path original = dir.resolve("original");
        AlchemyFixture.copyFsTree(original);
        ByteArrayOutputStream archive = new ByteArrayOutputStream();

        ScopeCopy.Report exported = StoreArchive.export(StoreConfig.fileSystem(original), AlchemyFixture.DEV,
                archive);

        assertEquals(List.of(AlchemyFixture.DEV, AlchemyFixture.NESTED), exported.scopes());
        assertEquals(5, exported.copied());
    }

    @Test
    void aFileThatIsNotAnArchiveIsRefusedNamingTheLine() {
        StoreConfig target = StoreConfig.memory();
        StateStoreException header = assertThrows(StateStoreException.class,
                () -> StoreArchive.importInto(target, in("{\"a\":1}\n".getBytes(StandardCharsets.UTF_8)), false));
        assertTrue(header.getMessage().contains("Not a statestore archive"), header.getMessage());
        byte[] badLine = "{\"format\":\"statestore-archive\",\"version\":1}\n{\"scope\":\"app\"}\n"
                .getBytes(StandardCharsets.UTF_8);
        StateStoreException line = assertThrows(StateStoreException.class,
                () -> StoreArchive.importInto(target, in(badLine), false));
        assertTrue(line.getMessage().startsWith("Line 2 of the archive"), line.getMessage());
        assertEquals(List.of(), StateStores.scopes(target));
    }

    private static ByteArrayInputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }
}
