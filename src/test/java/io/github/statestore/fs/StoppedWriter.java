package io.github.statestore.fs;

import static io.github.statestore.contract.StateStoreContract.state;

import io.github.statestore.Scope;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Child-process main for {@link FileSystemStoppedWriterIT}: a writer stopped in the middle of a write. It
 * takes the scope's lock, writes its temp file, prints {@value ChildJvm#READY} and waits, holding the lock,
 * until a line arrives on its standard input; then it renames the temp file to {@link #FILE} and prints
 * {@value #RENAMED}. Argument: the store root.
 */
public final class StoppedWriter {
    static final Scope SCOPE = Scope.of("stopped", "writer");
    static final String KEY = "k";
    static final String FILE = KEY + ".json";
    static final String RENAMED = "renamed";

    private StoppedWriter() {
    }

    public static void main(String[] args) throws Exception {
        ScopeLock lock = TestStores.lock(Path.of(args[0]), SCOPE, ScopeLock.MAX_WAIT);
        AtomicFiles files = new AtomicFiles(true);
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        lock.run(dir -> {
            String tmp = files.writeTemp(dir, document());
            System.out.println(ChildJvm.READY);
            System.out.flush();
            stdin.readLine();
            dir.rename(tmp, FILE);
            files.syncDirectory(dir);
            return null;
        });
        System.out.println(RENAMED);
    }

    /** The document the stopped writer writes. */
    static byte[] document() {
        return state("stopped writer's").toJsonBytes();
    }
}
