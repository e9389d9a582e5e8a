package io.github.statestore.cli;

import io.github.statestore.Scope;
import io.github.statestore.StoreConfig;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/** Builds the picocli command line of {@code statestore} and runs it once. Stateless. */
final class Cli {
    /** Exit code of a command that failed: a store error, a file that cannot be read. */
    static final int FAILURE = 1;

    private Cli() {
    }

    /**
     * Runs one command.
     *
     * @param env the environment ({@code STATESTORE_URL}, the password variables)
     * @param stdin where {@code put} reads a document without {@code --file}
     * @param out standard output
     * @param err standard error
     * @param args the command line
     * @return the exit code: 0 ok, 1 failure, 2 usage
     */
    static int run(Map<String, String> env, InputStream stdin, PrintWriter out, PrintWriter err, String... args) {
        return run(env, stdin, out, err, false, args);
    }

    /**
     * Runs one command, drawing progress bars on {@code err} when it is a terminal.
     *
     * @param env the environment ({@code STATESTORE_URL}, the password variables)
     * @param stdin where {@code put} reads a document without {@code --file}
     * @param out standard output
     * @param err standard error
     * @param terminal whether {@code err} is a terminal
     * @param args the command line
     * @return the exit code: 0 ok, 1 failure, 2 usage
     */
    static int run(Map<String, String> env, InputStream stdin, PrintWriter out, PrintWriter err, boolean terminal,
            String... args) {
        return run(new StatestoreCommand(env, stdin, terminal), out, err, args);
    }

    /**
     * Runs one command on a store given rather than named by {@code --url} or {@code STATESTORE_URL}, such as
     * an in-memory store that several runs in this JVM share.
     *
     * @param store the store
     * @param env the environment (the password variables)
     * @param stdin where {@code put} reads a document without {@code --file}
     * @param out standard output
     * @param err standard error
     * @param args the command line
     * @return the exit code: 0 ok, 1 failure, 2 usage
     */
    static int run(StoreConfig store, Map<String, String> env, InputStream stdin, PrintWriter out, PrintWriter err,
            String... args) {
        return run(new StatestoreCommand(env, stdin, false, store), out, err, args);
    }

    private static int run(StatestoreCommand root, PrintWriter out, PrintWriter err, String... args) {
        CommandLine line = new CommandLine(root)
                .setOut(out)
                .setErr(err)
                .registerConverter(Scope.class, new ScopeConverter())
                .setParameterExceptionHandler(new UsageErrors())
                .setExecutionExceptionHandler(new Failures(root));
        try {
            return line.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
