package io.github.statestore.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What Alchemy 0.94 wrote into the test fixtures (test resource {@code alchemy-0.94/README.md}), checked the
 * same way for the FileSystem and S3 copies of them.
 */
public final class AlchemyFixture {
    /** The scope with the most keys. */
    public static final Scope DEV = Scope.of("myapp", "dev");
    /** A scope nested in {@link #DEV}. */
    public static final Scope NESTED = Scope.of("myapp", "dev", "nested-scope");
    /** A sibling of {@link #DEV}. */
    public static final Scope PROD = Scope.of("myapp", "prod");

    private AlchemyFixture() {
    }

    /**
     * The directory tree Alchemy's FileSystem store wrote (test resource {@code alchemy-0.94/fs/.alchemy}).
     *
     * @return its path on the test classpath
     */
    public static Path fsTree() throws URISyntaxException {
        URL resource = AlchemyFixture.class.getResource("/alchemy-0.94/fs/.alchemy");
        assertNotNull(resource, "the Alchemy fixture tree is on the test classpath");
        return Path.of(resource.toURI());
    }

    /**
     * Copies {@link #fsTree()} to a directory that tests may change.
     *
     * @param root where the copy's root goes; must not exist yet
     */
    public static void copyFsTree(Path root) throws IOException, URISyntaxException {
        Path fixtures = fsTree();
        try (Stream<Path> tree = Files.walk(fixtures)) {
            for (Path source : (Iterable<Path>) tree::iterator) {
                Files.copy(source, root.resolve(fixtures.relativize(source).toString()));
            }
        }
    }

    /**
     * Each scope lists exactly its own keys: never a nested scope's.
     *
     * @param open opens a store on the fixture for a scope
     */
    public static void assertEachScopeListsItsOwnKeys(Function<Scope, StateStore> open) {
        assertEquals(List.of("api/database/connection", "bytes", "my-res", "with-secret"), open.apply(DEV).list());
        assertEquals(List.of("child"), open.apply(NESTED).list());
        assertEquals(List.of("my-res"), open.apply(PROD).list());
        assertEquals(4, open.apply(DEV).count());
        assertEquals(4, open.apply(DEV).all().size());
    }

    /**
     * The values, and the tagged values kept as maps, are what Alchemy wrote.
     *
     * @param open opens a store on the fixture for a scope
     */
    public static void assertValuesAreAlchemys(Function<Scope, StateStore> open) {
        StateStore dev = open.apply(DEV);
        State connection = dev.get("api/database/connection").orElseThrow();
        assertEquals(State.Status.UPDATED, connection.status());
        assertEquals("test::Thing", connection.kind());
        assertEquals("connection", connection.id());
        assertEquals("myapp/dev/api/database/connection", connection.fqn());
        assertEquals(3, connection.seq());
        assertEquals(Map.of("host", "db", "port", 5432L), connection.props());
        assertEquals(Map.of("connected", true), connection.output());
        assertEquals(Optional.empty(), connection.oldProps());

        State myRes = dev.get("my-res").orElseThrow();
        assertEquals(Map.of("name", "hello", "n", 42L), myRes.props());
        assertEquals(Map.of("url", "https://x", "when", Map.of("@date", "1970-01-01T00:00:00.000Z")),
                myRes.output());
        assertEquals(Map.of("data", Map.of("@buffer", "AAEC+v8=")), dev.get("bytes").orElseThrow().output());

        State child = open.apply(NESTED).get("child").orElseThrow();
        assertEquals(Optional.of(Map.of("name", "old")), child.oldProps());
        assertEquals(Map.of("name", "new"), child.props());
        assertEquals(State.Status.DELETED, open.apply(PROD).get("my-res").orElseThrow().status());
    }
}
