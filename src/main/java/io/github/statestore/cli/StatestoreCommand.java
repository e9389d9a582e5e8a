package io.github.statestore.cli;

import io.github.statestore.InvalidConfigException;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.internal.Passwords;
import io.github.statestore.internal.StoreUrls;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code statestore}: the global options, the store they pick, and the subcommands. Without a subcommand it
 * prints its usage to standard error (exit code 2). One instance serves one run; not thread-safe.
 */
@Command(name = "statestore",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "Looks inside a state store and repairs it.",
        description = "The store is --url, else the STATESTORE_URL variable, else the FileSystem store in"
                + " .alchemy under the working directory. SCOPE is a scope such as my-app/dev.",
        footer = {"", "Exit codes: 0 ok, 1 failure, 2 usage error. See docs/cli.md."},
        subcommands = {ScopesCommand.class, LsCommand.class, GetCommand.class, PutCommand.class, RmCommand.class,
                PurgeCommand.class, HistoryCommand.class, RestoreCommand.class, CatCommand.class,
                VerifyCommand.class, CpCommand.class, DiffCommand.class, ExportCommand.class, ImportCommand.class,
                RotatePasswordCommand.class, LocksCommand.class, UnlockCommand.class, BootstrapCommand.class})
final class StatestoreCommand implements Callable<Integer> {
    private final Map<String, String> env;
    private final InputStream stdin;
    private final boolean terminal;
    private final StoreConfig given;

    @Spec
    private CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "The store: file:DIR, s3://BUCKET/PREFIX/?region=R, r2://ACCOUNT/BUCKET/, memory: or a"
                    + " plugged-in scheme. Default: STATESTORE_URL, else file:.alchemy.")
    private String url;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Write JSON for scripts, as each command says.")
    private boolean json;

    @Option(names = "--quiet", scope = ScopeType.INHERIT,
            description = "Print only results and errors.")
    private boolean quiet;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print the stack trace of an error.")
    private boolean verbose;

    StatestoreCommand(Map<String, String> env, InputStream stdin, boolean terminal) {
        this(env, stdin, terminal, null);
    }

    /**
     * A command whose store is given rather than read from {@code --url} or {@code STATESTORE_URL}: a store that
     * lives only in this JVM, such as an in-memory one, kept across runs.
     *
     * @param env the environment
     * @param stdin where put reads a document without --file
     * @param terminal whether standard error is a terminal
     * @param given the store, or {@code null} for the one --url, else STATESTORE_URL, names
     */
    StatestoreCommand(Map<String, String> env, InputStream stdin, boolean terminal, StoreConfig given) {
        this.env = env;
        this.stdin = stdin;
        this.terminal = terminal;
        this.given = given;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }

    /**
     * Opens the store of {@code --url} (or {@code STATESTORE_URL}) for a scope.
     *
     * @param scope the scope
     * @return the store; close it when done
     */
    StateStore open(Scope scope) {
        return config().open(scope);
    }

    /**
     * Reads a store URL given as an argument.
     *
     * @param url the URL
     * @param argument the argument's name, for messages, such as {@code FROM}
     * @return its config
     */
    StoreConfig config(String url, String argument) {
        return StoreUrls.parse(url, argument, env);
    }

    /**
     * {@return the store given to this command, else the config of {@code --url}, else of {@code STATESTORE_URL},
     * else the FileSystem default}
     */
    StoreConfig config() {
        if (given != null) {
            return given;
        }
        return url == null ? StoreConfig.fromEnv(env) : StoreUrls.parse(url, "--url", env);
    }

    /** Fails unless the environment gives the password that {@code --reveal} needs to decrypt secrets. */
    void requirePassword() {
        if (Passwords.resolve(null, env) == null) {
            throw new InvalidConfigException("password", "--reveal needs the password the secrets were written"
                    + " with; set " + Passwords.STATESTORE_PASSWORD + " (or " + Passwords.ALCHEMY_PASSWORD
                    + ", Alchemy's) in the environment");
        }
    }

    /** {@return the environment the command runs in} */
    Map<String, String> env() {
        return env;
    }

    /** {@return where put reads a document without --file} */
    InputStream stdin() {
        return stdin;
    }

    /** {@return standard output} */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** {@return standard error} */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** {@return whether --json was given} */
    boolean json() {
        return json;
    }

    /** {@return whether standard error is a terminal, where a progress bar may be drawn} */
    boolean terminal() {
        return terminal;
    }

    /** {@return whether --quiet was given} */
    boolean quiet() {
        return quiet;
    }

    /** {@return whether --verbose was given} */
    boolean verbose() {
        return verbose;
    }
}
