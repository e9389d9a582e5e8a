package io.github.statestore.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.FencedException;
import io.github.statestore.Lease;
import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.fs.FileSystemConfig;
import io.github.statestore.secret.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command of {@code statestore} run as a user runs it, against the FileSystem store in a temp directory. */
class CliFileSystemTest {
    private static final String DOC = """
            {
              "status": "created",
              "kind": "aws::Bucket",
              "id": "assets",
              "fqn": "my-app/dev/assets",
              "seq": 1,
              "data": {},
              "props": {
                "name": "assets-dev"
              },
              "output": {}
            }""";

    @TempDir
    Path dir;
    private String url;

    @BeforeEach
    void url() {
        url = "file:" + dir;
    }

    private CliRun cli(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--url";
        all[1] = url;
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.of(all);
    }

    private CliRun put(String scope, String key, String json) {
        return CliRun.with(Map.of(), json, "--url", url, "put", scope, key);
    }

    @Test
    void scopesListsEveryScopeAndThoseBelowOne() {
        assertEquals(0, put("my-app/dev", "assets", DOC).code());
        assertEquals(0, put("my-app/prod", "assets", DOC).code());
        assertEquals(0, put("other", "assets", DOC).code());

        CliRun all = cli("scopes");
        assertEquals(0, all.code(), all.err());
        assertEquals("my-app\nmy-app/dev\nmy-app/prod\nother\n", all.out());
        CliRun below = cli("--json", "scopes", "my-app");
        assertEquals("[\"my-app/dev\",\"my-app/prod\"]\n", below.out());
    }

    @Test
    void cpCopiesEveryScopeOnceAndRefusesOtherContent() throws IOException {
        assertEquals(0, put("my-app/dev", "assets", DOC).code());
        assertEquals(0, put("my-app/dev/nested", "assets", DOC).code());
        assertEquals(0, put("other", "assets", DOC).code());
        String target = "file:" + dir.resolve("target");

        CliRun first = CliRun.of("cp", "--verify", url, target);
        assertEquals(0, first.code(), first.err());
        assertEquals("", first.err(), "no progress bar when standard error is not a terminal");
        assertEquals("Copied: 3 new, 0 overwritten, 0 unchanged, 0 refused, in 4 scopes; 3 verified\n", first.out());
        assertArrayEquals(Files.readAllBytes(dir.resolve("my-app/dev/nested/assets.json")),
                Files.readAllBytes(dir.resolve("target/my-app/dev/nested/assets.json")));

        CliRun again = CliRun.of("cp", url, target, "my-app");
        assertEquals("Copied: 0 new, 0 overwritten, 2 unchanged, 0 refused, in 3 scopes\n", again.out());

        Files.writeString(dir.resolve("target/other/assets.json"), DOC.replace("assets-dev", "changed"));
        CliRun refused = CliRun.of("--json", "cp", url, target, "other");
        assertEquals(1, refused.code());
        assertTrue(refused.out().contains("\"refused\":1"), refused.out());
        assertTrue(refused.out().contains("\"key\":\"assets\""), refused.out());
        CliRun overwritten = CliRun.of("cp", "--overwrite", url, target, "other");
        assertEquals(0, overwritten.code(), overwritten.out());
        assertFalse(Files.readString(dir.resolve("target/other/assets.json")).contains("changed"));
    }

    @Test
    void exportThenImportElsewhereWritesTheSameBytes() throws IOException {
        assertEquals(0, put("my-app/dev", "assets", DOC).code());
        assertEquals(0, put("my-app/dev/nested", "assets", DOC).code());
        Path archive = dir.resolve("state.jsonl");

        CliRun exported = cli("export", "--file", archive.toString());
        assertEquals(0, exported.code(), exported.err());
        assertEquals("Exported 2 documents from 3 scopes\n", exported.err());
        CliRun toStdout = cli("export", "my-app/dev/nested");
        assertEquals(2, toStdout.out().lines().count(), toStdout.out());

        String target = "file:" + dir.resolve("target");
        CliRun imported = CliRun.of("--url", target, "import", "--file", archive.toString());
        assertEquals(0, imported.code(), imported.err());
        assertEquals("Imported: 2 new, 0 overwritten, 0 unchanged, 0 refused, in 2 scopes\n", imported.out());
        assertArrayEquals(Files.readAllBytes(dir.resolve("my-app/dev/nested/assets.json")),
                Files.readAllBytes(dir.resolve("target/my-app/dev/nested/assets.json")));
        CliRun fromStdin = CliRun.with(Map.of(), Files.readString(archive), "--url", target, "import");
        assertEquals("Imported: 0 new, 0 overwritten, 2 unchanged, 0 refused, in 2 scopes\n", fromStdin.out());
    }

    @Test
    void diffNamesTheKeysOnlyOneStoreHoldsAndThoseThatDiffer() throws IOException {
        String source = "file:" + dir.resolve("source");
        for (String key : new String[] {"same", "changed", "gone"}) {
            assertEquals(0, CliRun.with(Map.of(), DOC, "--url", source, "put", "my-app/dev", key).code());
        }
        String target = "file:" + dir.resolve("target");
        assertEquals(0, CliRun.of("cp", source, target).code());
        assertEquals(0, CliRun.of("diff", source, target).code());

        Files.delete(dir.resolve("target/my-app/dev/gone.json"));
        Files.writeString(dir.resolve("target/my-app/dev/changed.json"), DOC.replace("assets-dev", "other"));
        Files.writeString(dir.resolve("target/my-app/dev/new.json"), DOC);
        CliRun diff = CliRun.of("diff", source, target, "my-app");

        assertEquals(1, diff.code());
        assertEquals("~ my-app/dev changed\n- my-app/dev gone\n+ my-app/dev new\n", diff.out());
        CliRun json = CliRun.of("--json", "diff", source, target, "my-app/dev");
        assertTrue(json.out().contains("{\"scope\":\"my-app/dev\",\"key\":\"gone\",\"change\":\"only in FROM\"}"),
                json.out());
    }

    @Test
    void rotatePasswordMovesSecretsToTheNewPassword() {
        Scope scope = Scope.of("my-app", "dev");
        try (StateStore store = FileSystemConfig.builder().root(dir).password("old-pw-1").build().open(scope)) {
            store.set("db", State.builder().status(State.Status.CREATED).kind("k").id("db").fqn("my-app/dev/db")
                    .props(Map.of("password", Secret.of("s3cr3t"))).build());
        }

        Map<String, String> passwords = Map.of("STATESTORE_PASSWORD", "old-pw-1", "STATESTORE_NEW_PASSWORD",
                "new-pw-2");
        CliRun rotated = CliRun.with(passwords, "", "--url", url, "rotate-password");
        CliRun missing = CliRun.with(Map.of("STATESTORE_PASSWORD", "old-pw-1"), "", "--url", url, "rotate-password");

        assertEquals(0, rotated.code(), rotated.err());
        assertEquals("my-app: 0 entries rewritten\nmy-app/dev: 1 entry rewritten\n", rotated.out());
        try (StateStore store = FileSystemConfig.builder().root(dir).password("new-pw-2").build().open(scope)) {
            assertEquals("s3cr3t", ((Secret) store.get("db").orElseThrow().props().get("password")).reveal());
        }
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("STATESTORE_NEW_PASSWORD"), missing.err());
    }

    @Test
    void locksShowsAHeldLockAndUnlockBreaksItOnlyWhenConfirmed() {
        Scope scope = Scope.of("my-app", "dev");
        try (StateStore store = FileSystemConfig.builder().root(dir).build().open(scope);
                Lease lease = store.lock("deploy", Duration.ofMinutes(5))) {
            CliRun locks = cli("locks");
            assertEquals(0, locks.code(), locks.err());
            assertTrue(locks.out().startsWith("my-app/dev deploy: held by " + lease.owner() + " until "),
                    locks.out());
            assertTrue(locks.out().endsWith(", token " + lease.fencingToken() + "\n"), locks.out());

            CliRun declined = CliRun.with(Map.of(), "n\n", "--url", url, "unlock", "my-app/dev", "deploy");
            assertEquals(1, declined.code());
            assertTrue(declined.err().contains("Break lock deploy of my-app/dev, held by " + lease.owner()),
                    declined.err());
            assertTrue(lease.isHeld());

            CliRun broken = CliRun.with(Map.of(), "y\n", "--url", url, "unlock", "my-app/dev", "deploy");
            assertEquals(0, broken.code(), broken.err());
            State state = State.fromJson(DOC.getBytes(StandardCharsets.UTF_8));
            assertThrows(FencedException.class, () -> lease.set("k", state));
            assertTrue(cli("--json", "locks", "my-app/dev").out().contains("\"state\":\"released\""));
            assertEquals("my-app/dev deploy: released; nothing to break\n",
                    cli("unlock", "--force", "my-app/dev", "deploy").out());
        }
    }

    @Test
    void putThenGetPrintsTheDocumentAsTheStoreWritesIt() throws IOException {
        CliRun put = put("my-app/dev", "api/assets", DOC);
        assertEquals(0, put.code(), put::toString);
        assertEquals("", put.out() + put.err());

        Path file = dir.resolve("my-app/dev/api:assets.json");
        assertEquals(DOC, Files.readString(file));
        CliRun get = cli("get", "my-app/dev", "api/assets");
        assertEquals(0, get.code(), get::toString);
        assertEquals(DOC + "\n", get.out());
        assertEquals("", get.err());
    }

    @Test
    void getWithJsonPrintsOneLine() {
        put("my-app/dev", "assets", DOC);
        CliRun get = cli("--json", "get", "my-app/dev", "assets");
        assertEquals(0, get.code(), get::toString);
        assertEquals("{\"status\":\"created\",\"kind\":\"aws::Bucket\",\"id\":\"assets\",\"fqn\":\"my-app/dev/assets\","
                + "\"seq\":1,\"data\":{},\"props\":{\"name\":\"assets-dev\"},\"output\":{}}\n", get.out());
    }

    @Test
    void lsPrintsTheScopesKeysOnePerLineOrAsAJsonArray() {
        put("my-app/dev", "b", DOC);
        put("my-app/dev", "a/x", DOC);
        put("my-app/dev/nested", "c", DOC);

        CliRun ls = cli("ls", "my-app/dev");
        assertEquals(0, ls.code(), ls::toString);
        assertEquals("a/x\nb\n", ls.out());
        CliRun json = cli("ls", "my-app/dev", "--json");
        assertEquals("[\"a/x\",\"b\"]\n", json.out());
        assertEquals("[]\n", cli("ls", "other/scope", "--json").out());
        assertFalse(Files.exists(dir.resolve("other")), "ls created the scope's directory");
    }

    @Test
    void rmDeletesEveryKeyGivenAndAnAbsentOneIsNoError() {
        put("my-app/dev", "a", DOC);
        put("my-app/dev", "b", DOC);
        put("my-app/dev", "c", DOC);

        CliRun rm = cli("rm", "my-app/dev", "a", "c", "never-was");
        assertEquals(0, rm.code(), rm::toString);
        assertEquals("b\n", cli("ls", "my-app/dev").out());
    }

    @Test
    void catPrintsEveryStateKeyedByKeyOrJsonLines() {
        put("my-app/dev", "b", DOC);
        put("my-app/dev", "a", DOC.replace("assets-dev", "other"));

        CliRun cat = cli("cat", "my-app/dev");
        assertEquals(0, cat.code(), cat::toString);
        String indented = DOC.replace("\n", "\n  ");
        assertEquals("{\n  \"a\": " + indented.replace("assets-dev", "other") + ",\n  \"b\": " + indented
                + "\n}\n", cat.out());

        String[] lines = cli("cat", "my-app/dev", "--json").out().split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("{\"key\":\"a\",\"state\":{\"status\":\"created\""), lines[0]);
        assertTrue(lines[1].startsWith("{\"key\":\"b\",\"state\":{"), lines[1]);
    }

    @Test
    void secretsAreMaskedWhetherTheStoreHasThePasswordOrNot() {
        try (StateStore store = FileSystemConfig.builder().root(dir).password("pw-1234").build()
                .open(Scope.of("my-app", "dev"))) {
            store.set("stripe", State.fromJson(DOC.getBytes(StandardCharsets.UTF_8)).toBuilder()
                    .props(Map.of("apiKey", Secret.of("sk_test_123"), "list", java.util.List.of(Secret.of("x"))))
                    .build());
        }
        CliRun get = cli("get", "my-app/dev", "stripe");
        assertEquals(0, get.code(), get::toString);
        assertTrue(get.out().contains("\"apiKey\": \"Secret(*****)\""), get::toString);
        assertTrue(get.out().contains("\"list\": [\n      \"Secret(*****)\"\n    ]"), get::toString);
        assertFalse(get.out().contains("ciphertext"), get::toString);
        assertTrue(cli("cat", "my-app/dev").out().contains("\"apiKey\": \"Secret(*****)\""));
    }

    @Test
    void revealWithoutAPasswordSaysWhichVariableToSet() {
        put("my-app/dev", "assets", DOC);
        for (String command : new String[] {"get", "cat"}) {
            CliRun reveal = command.equals("get") ? cli("get", "my-app/dev", "assets", "--reveal")
                    : cli("cat", "my-app/dev", "--reveal");
            assertEquals(1, reveal.code(), reveal::toString);
            assertEquals("", reveal.out());
            assertEquals("statestore: Invalid setting password: --reveal needs the password the secrets were"
                    + " written with; set STATESTORE_PASSWORD (or ALCHEMY_PASSWORD, Alchemy's) in the"
                    + " environment\n", reveal.err());
        }
    }

    @Test
    void putRefusesAnInvalidDocumentNamingTheKeyAndWritesNothing() {
        CliRun put = put("my-app/dev", "assets", "{\"status\": \"created\", \"kind\": 3}");
        assertEquals(1, put.code(), put::toString);
        assertTrue(put.err().startsWith("statestore: Invalid state for key \"assets\" at $.kind: "), put::toString);
        assertEquals(1, put.err().lines().count(), put::toString);

        CliRun notJson = put("my-app/dev", "assets", "not json");
        assertEquals(1, notJson.code(), notJson::toString);
        assertTrue(notJson.err().startsWith("statestore: Invalid state for key \"assets\" at $: "), notJson::toString);
        assertEquals("", cli("ls", "my-app/dev").out());
    }

    @Test
    void putRefusesASecretMaskedByGet() {
        put("my-app/dev", "stripe", DOC.replace("\"assets-dev\"", "{\"@secret\": {\"version\": \"v1\"}}"));
        String masked = cli("get", "my-app/dev", "stripe").out();
        assertTrue(masked.contains("Secret(*****)"), masked);

        CliRun put = put("my-app/dev", "stripe", masked);
        assertEquals(1, put.code(), put::toString);
        assertTrue(put.err().startsWith("statestore: Invalid state for key \"stripe\" at $.props.name: is"
                + " Secret(*****), a secret as 'statestore get' masks it"), put::toString);
        assertTrue(cli("--json", "get", "my-app/dev", "stripe").out().contains("\"name\":\"Secret(*****)\""));
    }

    @Test
    void putReadsFile() throws IOException {
        Path file = Files.writeString(dir.resolve("doc.json"), DOC);
        CliRun put = cli("put", "my-app/dev", "assets", "--file", file.toString());
        assertEquals(0, put.code(), put::toString);
        assertEquals(DOC + "\n", cli("get", "my-app/dev", "assets").out());

        CliRun missing = cli("put", "my-app/dev", "assets", "--file", dir.resolve("nope.json").toString());
        assertEquals(1, missing.code(), missing::toString);
        assertEquals("statestore: cannot read " + dir.resolve("nope.json") + ": no such file\n", missing.err());
    }

    @Test
    void getOfAnAbsentKeyFails() {
        CliRun get = cli("get", "my-app/dev", "nope");
        assertEquals(1, get.code(), get::toString);
        assertEquals("statestore: no key \"nope\" in scope my-app/dev\n", get.err());
    }

    @Test
    void verifyNamesTheCorruptDocumentsKeyAndPathAndChangesNothing() throws IOException {
        put("my-app/dev", "good", DOC);
        put("my-app/dev", "bad", DOC);
        put("my-app/prod", "good", DOC);
        Path bad = dir.resolve("my-app/dev/bad.json");
        byte[] truncated = DOC.substring(0, 40).getBytes(StandardCharsets.UTF_8);
        Files.write(bad, truncated);

        CliRun verify = cli("verify", "my-app/dev", "my-app/prod");
        assertEquals(1, verify.code(), verify::toString);
        assertTrue(verify.out().startsWith("my-app/dev: Corrupt state for key \"bad\" at " + bad + ": "),
                verify::toString);
        assertTrue(verify.out().endsWith("my-app/dev: 2 documents, 1 does not read\n"
                + "my-app/prod: 1 document, 0 do not read\n"), verify::toString);
        assertEquals("", verify.err());
        assertArrayEquals(truncated, Files.readAllBytes(bad));

        CliRun json = cli("verify", "my-app/dev", "--json");
        assertEquals(1, json.code(), json::toString);
        assertTrue(json.out().startsWith("{\"scope\":\"my-app/dev\",\"documents\":2,\"problems\":[{\"key\":\"bad\","
                + "\"location\":\"" + bad + "\",\"error\":\"Corrupt state for key"), json::toString);

        CliRun clean = cli("verify", "my-app/prod", "--quiet");
        assertEquals(0, clean.code(), clean::toString);
        assertEquals("", clean.out() + clean.err());
    }

    @Test
    void aCorruptDocumentIsOneLineAndAHintWithoutAStackTraceUnlessVerbose() throws IOException {
        put("my-app/dev", "bad", DOC);
        Files.writeString(dir.resolve("my-app/dev/bad.json"), "{");

        CliRun get = cli("get", "my-app/dev", "bad");
        assertEquals(1, get.code(), get::toString);
        assertEquals(2, get.err().lines().count(), get::toString);
        assertTrue(get.err().startsWith("statestore: Corrupt state for key \"bad\""), get::toString);
        assertFalse(get.err().contains("\tat "), get::toString);

        CliRun verbose = cli("get", "my-app/dev", "bad", "--verbose");
        assertEquals(1, verbose.code(), verbose::toString);
        assertTrue(verbose.err().contains("\tat io.github.statestore."), verbose::toString);
    }

    @Test
    void usageErrorsExitWithTwo() {
        for (String[] args : new String[][] {{"get", "my-app/dev"}, {"ls", "my-app//dev"}, {"lss", "my-app"},
                {"ls", "--nope", "my-app"}, {}}) {
            CliRun run = cli(args);
            assertEquals(2, run.code(), run::toString);
            assertEquals("", run.out(), run::toString);
            assertFalse(run.err().contains("\tat "), run::toString);
        }
        assertTrue(cli("lss", "x").err().contains("Did you mean: statestore ls"));
        assertEquals("statestore: Missing required parameter: 'KEY'\n"
                + "Try 'statestore get --help' for more information.\n", cli("get", "my-app/dev").err());
    }

    @Test
    void anUnknownSchemeIsOneLineNamingTheInstalledSchemes() {
        CliRun run = CliRun.of("--url", "zzz://x", "ls", "my-app/dev");
        assertEquals(1, run.code(), run::toString);
        // the test classpath adds the zip: provider of docs/backends.md
        assertTrue(run.err().startsWith("statestore: Invalid setting --url: unknown scheme in 'zzz://x'; the installed"
                + " store providers read file:, jdbc:, memory:, r2:, s3:"), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
    }

    @Test
    void theStoreIsStatestoreUrlWithoutUrl() {
        put("my-app/dev", "assets", DOC);
        CliRun ls = CliRun.with(Map.of("STATESTORE_URL", url), "", "ls", "my-app/dev");
        assertEquals(0, ls.code(), ls::toString);
        assertEquals("assets\n", ls.out());
    }

    @Test
    void versionAndHelp() {
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().matches("statestore \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"), version.out());
        CliRun help = CliRun.of("ls", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("Lists the keys of a scope.\nUsage: statestore ls "), help.out());
    }
}
