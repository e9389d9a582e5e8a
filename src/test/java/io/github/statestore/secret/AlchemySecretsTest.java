package io.github.statestore.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.SecretException;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.contract.AlchemyFixture;
import io.github.statestore.fs.FileSystemConfig;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets Alchemy 0.94 encrypted read back with its password; a wrong one names the key and the path. */
class AlchemySecretsTest {
    static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dir;
    private Path root;

    @BeforeEach
    void copyFixtures() throws IOException, URISyntaxException {
        root = dir.resolve(".alchemy");
        AlchemyFixture.copyFsTree(root);
    }

    @Test
    void decryptsAlchemysStringAndJsonSecrets() {
        try (StateStore store = FileSystemConfig.builder().root(root).password(PASSWORD).build()
                .open(AlchemyFixture.DEV)) {
            State state = store.get("with-secret").orElseThrow();
            assertEquals(Secret.of("sk-test-1234567890"), state.props().get("apiKey"));
            assertEquals(Secret.ofJson(Map.of("a", 1, "b", List.of("x"))), state.output().get("token"));
        }
    }

    @Test
    void aWrongPasswordNamesTheKeyAndPath() {
        try (StateStore store = FileSystemConfig.builder().root(root).password("wrong").build()
                .open(AlchemyFixture.DEV)) {
            SecretException e = assertThrows(SecretException.class, () -> store.get("with-secret"));
            assertEquals("with-secret", e.getKey());
            assertTrue(e.getPath().equals("$.props.apiKey") || e.getPath().equals("$.output.token"), e.getPath());
            assertEquals(List.of("api/database/connection", "bytes", "my-res", "with-secret"), store.list());
            assertEquals("connection", store.get("api/database/connection").orElseThrow().id());
        }
    }

    @Test
    void withoutAPasswordEnvelopesAreKeptAndCopied() {
        try (StateStore store = StoreConfig.fileSystem(root).open(AlchemyFixture.DEV)) {
            State state = store.get("with-secret").orElseThrow();
            assertTrue(((Map<?, ?>) state.props().get("apiKey")).containsKey("@secret"));
            store.set("copy", state);
            assertEquals(state, store.get("copy").orElseThrow());
        }
    }

    @Test
    void writingASecretWithoutAPasswordFailsAndWritesNothing() {
        try (StateStore store = new io.github.statestore.memory.MemoryConfig().open(AlchemyFixture.DEV)) {
            State state = State.builder().status(State.Status.CREATED).kind("k").id("i").fqn("f")
                    .props(Map.of("nested", List.of(Map.of("key", Secret.of("s3cr3t"))))).build();
            SecretException e = assertThrows(SecretException.class, () -> store.set("x", state));
            assertEquals("$.props.nested[0].key", e.getPath());
            assertTrue(!e.getMessage().contains("s3cr3t"));
            assertEquals(List.of(), store.list());
        }
    }
}
