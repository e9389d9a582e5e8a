package io.github.statestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.fs.FileSystemConfig;
import io.github.statestore.secret.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cli jar that the build attaches, run with {@code java -jar} in a child process as a user runs it, with
 * the password in its environment: secrets masked, then revealed, and nothing but the output on its streams.
 */
class CliJarIT {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Path cliJar() throws IOException {
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            return jars.filter(p -> p.getFileName().toString().matches("statestore-.*-cli\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no target/statestore-*-cli.jar: run mvn package"));
        }
    }

    private Run java(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", cliJar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("STATESTORE_URL");
        builder.environment().putAll(env);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("java -jar did not exit within 60 s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theJarRunsTheCommandWithTheEnvironmentsPassword() throws Exception {
        Path root = dir.resolve("state");
        try (StateStore store = FileSystemConfig.builder().root(root).password("jar-pw-1").build()
                .open(Scope.of("my-app", "dev"))) {
            store.set("stripe", State.builder().status(State.Status.CREATED).kind("stripe::Account").id("stripe")
                    .fqn("my-app/dev/stripe").props(Map.of("apiKey", Secret.of("sk_test_123"))).build());
        }
        Map<String, String> env = Map.of("STATESTORE_URL", "file:" + root, "STATESTORE_PASSWORD", "jar-pw-1");

        Run masked = java(env, "get", "my-app/dev", "stripe");
        assertEquals(0, masked.code(), masked::toString);
        assertTrue(masked.out().contains("\"apiKey\": \"Secret(*****)\""), masked::toString);
        assertEquals("", masked.err());

        Run revealed = java(env, "--json", "get", "my-app/dev", "stripe", "--reveal");
        assertEquals(0, revealed.code(), revealed::toString);
        assertTrue(revealed.out().contains("\"props\":{\"apiKey\":\"sk_test_123\"}"), revealed::toString);
        assertEquals("", revealed.err());

        Run usage = java(env, "get");
        assertEquals(2, usage.code(), usage::toString);
        assertTrue(usage.err().startsWith("statestore: Missing required parameters: 'SCOPE', 'KEY'"), usage::toString);
    }

    @Test
    void theJarCarriesTheJdbcDriversSoItCopiesAScopeIntoSqlite() throws Exception {
        Path root = dir.resolve("state");
        try (StateStore store = FileSystemConfig.builder().root(root).build().open(Scope.of("my-app", "dev"))) {
            store.set("vpc", State.builder().status(State.Status.CREATED).kind("aws::Vpc").id("vpc")
                    .fqn("my-app/dev/vpc").build());
        }
        String sqlite = "jdbc:sqlite:" + dir.resolve("state.db");
        Run copy = java(Map.of(), "cp", "--verify", "file:" + root, sqlite, "my-app/dev");
        assertEquals(0, copy.code(), copy::toString);

        Run ls = java(Map.of("STATESTORE_URL", sqlite), "ls", "my-app/dev");
        assertEquals(0, ls.code(), ls::toString);
        assertEquals("vpc", ls.out().strip());
    }
}
