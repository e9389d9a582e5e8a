package io.github.statestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.HistoryEntry;
import io.github.statestore.HistoryPolicy;
import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.fs.FileSystemConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code history} and {@code restore} run as a user runs them, on a FileSystem store that keeps history. */
class CliHistoryTest {
    private static final Scope SCOPE = Scope.of("my-app", "dev");

    @TempDir
    Path dir;

    private CliRun cli(String url, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--url";
        all[1] = url;
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.of(all);
    }

    private String keeping() {
        return "file:" + dir + "?historyVersions=10";
    }

    private static State state(long seq) {
        return State.builder().status(State.Status.CREATED).kind("aws::Bucket").id("assets").fqn("my-app/dev/assets")
                .seq(seq).build();
    }

    /** Writes seq 1, 2 and 3, then deletes: the history keeps 3 (deleted), 2 and 1, newest first. */
    private List<HistoryEntry> written() {
        FileSystemConfig config = FileSystemConfig.builder().root(dir).history(HistoryPolicy.keepVersions(10)).build();
        try (StateStore store = config.open(SCOPE)) {
            store.set("assets", state(1));
            store.set("assets", state(2));
            store.set("assets", state(3));
            store.delete("assets");
            return store.history("assets");
        }
    }

    @Test
    void historyListsTheKeptVersionsNewestFirst() {
        List<HistoryEntry> kept = written();
        CliRun run = cli("file:" + dir, "history", "my-app/dev", "assets");
        assertEquals(0, run.code(), run.toString());
        String[] lines = run.out().split("\n");
        assertEquals(3, lines.length, run.out());
        assertEquals(kept.get(0).version().token() + " " + kept.get(0).replacedAt() + " " + kept.get(0).size()
                + " bytes deleted created seq 3", lines[0]);
        assertTrue(lines[1].endsWith(" bytes created seq 2") && lines[2].endsWith(" bytes created seq 1"), run.out());

        CliRun json = cli("file:" + dir, "--json", "history", "my-app/dev", "assets");
        assertEquals(0, json.code(), json.toString());
        assertTrue(json.out().startsWith("[{\"version\":\"" + kept.get(0).version().token().replace("\"", "\\\"")
                + "\",\"replacedAt\":\"" + kept.get(0).replacedAt() + "\",\"size\":" + kept.get(0).size()
                + ",\"deleted\":true,\"status\":\"created\",\"seq\":3}"), json.out());

        CliRun none = cli("file:" + dir, "history", "my-app/dev", "other");
        assertEquals(0, none.code(), none.toString());
        assertEquals("", none.out());
    }

    @Test
    void restoreWritesAKeptVersionBackAndUndeletes() {
        List<HistoryEntry> kept = written();
        String version = kept.get(2).version().token();
        CliRun run = cli(keeping(), "restore", "my-app/dev", "assets", version);
        assertEquals(0, run.code(), run.toString());
        CliRun get = cli(keeping(), "--json", "get", "my-app/dev", "assets");
        assertEquals(0, get.code(), get.toString());
        assertTrue(get.out().contains("\"seq\":1"), get.out());
        assertEquals(3, cli(keeping(), "history", "my-app/dev", "assets").out().split("\n").length,
                "an undelete replaces no document, so the history keeps nothing more");

        CliRun again = cli(keeping(), "--json", "restore", "my-app/dev", "assets", kept.get(1).version().token());
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.out().startsWith("{\"version\":"), again.out());
        assertTrue(cli(keeping(), "--json", "get", "my-app/dev", "assets").out().contains("\"seq\":2"));
        assertEquals(4, cli(keeping(), "history", "my-app/dev", "assets").out().split("\n").length,
                "the second restore kept the version it replaced");
    }

    @Test
    void restoreOfAVersionNotKeptOrWithHistoryOffFailsNamingIt() {
        List<HistoryEntry> kept = written();
        CliRun missing = cli(keeping(), "restore", "my-app/dev", "assets", "\"nosuchversion\"");
        assertEquals(1, missing.code(), missing.toString());
        assertTrue(missing.err().contains("assets") && missing.err().contains("nosuchversion"), missing.err());

        CliRun off = cli("file:" + dir, "restore", "my-app/dev", "assets", kept.get(0).version().token());
        assertEquals(1, off.code(), off.toString());
        assertTrue(off.err().contains("History is off"), off.err());
    }
}
