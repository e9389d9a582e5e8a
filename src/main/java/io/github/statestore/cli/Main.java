package io.github.statestore.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The entry point of the {@code statestore} command: {@code java -jar statestore-<version>-cli.jar --help}.
 * Stateless; a program, not an API.
 */
public final class Main {
    private static final String SLF4J_PROVIDER = "slf4j.provider";

    private Main() {
    }

    /**
     * Runs one command and exits the JVM with its exit code: 0 when it succeeded, 1 when it failed (a message
     * on standard error says why), 2 when the arguments were wrong.
     *
     * @param args the command line, such as {@code ls my-app/dev}
     */
    public static void main(String[] args) {
        // No logging backend is shipped: without these, SLF4J writes to standard error at every start.
        if (System.getProperty(SLF4J_PROVIDER) == null) {
            System.setProperty(SLF4J_PROVIDER, "org.slf4j.helpers.NOP_FallbackServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = Cli.run(System.getenv(), System.in, out, err, System.console() != null, args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
