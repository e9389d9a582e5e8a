package io.github.statestore.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.contract.AlchemyFixture;
import io.github.statestore.StoreConfig;
import io.github.statestore.key.NameStyle;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the FileSystem store reads a state directory written by Alchemy 0.94 itself (test resource
 * {@code alchemy-0.94/fs/.alchemy}, see its README): the same keys per scope, the same values, tagged values
 * and secret envelopes kept, and each document written back byte for byte as Alchemy wrote it.
 */
class AlchemyFixturesTest {

    @TempDir
    Path dir;
    private Path fixtures;
    private Path root;
    private final List<StateStore> stores = new ArrayList<>();

    @BeforeEach
    void copyFixtures() throws IOException, URISyntaxException {
        fixtures = AlchemyFixture.fsTree();
        root = dir.resolve(".alchemy");
        AlchemyFixture.copyFsTree(root);
    }

    @AfterEach
    void closeStores() {
        stores.forEach(StateStore::close);
    }

    private StateStore open(Scope scope) {
        StateStore store = StoreConfig.fileSystem(root).open(scope);
        stores.add(store);
        return store;
    }

    @Test
    void eachScopeListsExactlyItsOwnKeys() {
        AlchemyFixture.assertEachScopeListsItsOwnKeys(this::open);
    }

    @Test
    void valuesAreWhatAlchemyWrote() {
        AlchemyFixture.assertValuesAreAlchemys(this::open);
    }

    @Test
    void secretEnvelopesAreKeptAsMaps() {
        State state = open(AlchemyFixture.DEV).get("with-secret").orElseThrow();
        assertEquals(Map.of("@secret", Map.of("version", "v1", "ciphertext", "NIx4SzZ6D9UrdO4wksD0v4cv",
                "iv", "UpRlLGAHSrMK8PFA", "salt", "+rZFTlKoaSnw+m2NJt7HUQ==", "tag", "AwNHgje3CrF6pE2DhbansQ==")),
                state.props().get("apiKey"));
        assertEquals(Map.of("@secret", Map.of("data", Map.of("version", "v1",
                "ciphertext", "UplqMsUWuYmRcerrQ6jU8kA=", "iv", "E+yS7vHqMF4Cpyaj",
                "salt", "9Bydi94c693bUm8vCiaGzA==", "tag", "W9Q/XE8c6VUov7x/Q32myQ=="))),
                state.output().get("token"));
    }

    @Test
    void everyDocumentWrittenBackIsByteIdentical() throws IOException {
        List<Path> originals;
        try (Stream<Path> tree = Files.walk(fixtures)) {
            originals = tree.filter(p -> p.toString().endsWith(FileLayout.SUFFIX)).toList();
        }
        FileLayout layout = new FileLayout(root, NameStyle.POSIX);
        Map<String, String> rewritten = new TreeMap<>();
        for (Path original : originals) {
            Path relative = fixtures.relativize(original);
            List<String> scopeNames = new ArrayList<>();
            relative.getParent().forEach(name -> scopeNames.add(name.toString()));
            String key = layout.keyOf(relative.getFileName().toString());
            StateStore store = open(Scope.of(scopeNames));
            store.set(key, store.get(key).orElseThrow());
            assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(root.resolve(relative.toString())),
                    relative.toString());
            rewritten.put(relative.toString(), key);
        }
        assertEquals(Map.of("myapp/dev/api:database:connection.json", "api/database/connection",
                "myapp/dev/bytes.json", "bytes", "myapp/dev/my-res.json", "my-res",
                "myapp/dev/nested-scope/child.json", "child", "myapp/dev/with-secret.json", "with-secret",
                "myapp/prod/my-res.json", "my-res"), rewritten);
    }
}
