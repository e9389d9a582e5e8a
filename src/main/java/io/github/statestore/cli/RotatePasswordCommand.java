package io.github.statestore.cli;

import io.github.statestore.InvalidConfigException;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StateStores;
import io.github.statestore.StoreConfig;
import io.github.statestore.internal.Passwords;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code statestore rotate-password [SCOPE...]}: secrets moved to a new password. One instance per run. */
@Command(name = "rotate-password", header = "Moves secrets to a new password.",
        description = {"Re-encrypts every secret of each SCOPE (without SCOPE, of every scope of the store)"
                + " from the password in " + Passwords.STATESTORE_PASSWORD + " (else "
                + Passwords.ALCHEMY_PASSWORD + ") to the one in " + RotatePasswordCommand.NEW_PASSWORD
                + ", entry by entry with compare-and-set; passwords never go on the command line. Entries"
                + " already under the new password are left alone, so an interrupted rotation is finished by"
                + " running it again.",
                "Prints how many entries each scope rewrote (not with --quiet)."})
final class RotatePasswordCommand implements Callable<Integer> {
    /** The variable that holds the new password. */
    static final String NEW_PASSWORD = "STATESTORE_NEW_PASSWORD";

    @ParentCommand
    private StatestoreCommand root;

    @Parameters(arity = "0..*", paramLabel = "SCOPE", description = "The scopes, such as my-app/dev.")
    private List<Scope> scopes = new ArrayList<>();

    @Override
    public Integer call() {
        Map<String, String> env = root.env();
        String old = Passwords.resolve(null, env);
        if (old == null) {
            throw new InvalidConfigException("password", "rotate-password needs the current password in "
                    + Passwords.STATESTORE_PASSWORD + " (or " + Passwords.ALCHEMY_PASSWORD + ")");
        }
        String next = env.get(NEW_PASSWORD);
        if (next == null || next.isEmpty()) {
            throw new InvalidConfigException(NEW_PASSWORD, "rotate-password needs the new password in "
                    + NEW_PASSWORD);
        }
        StoreConfig config = root.config();
        for (Scope scope : scopes.isEmpty() ? StateStores.scopes(config) : scopes) {
            int rewritten;
            try (StateStore store = config.open(scope)) {
                rewritten = store.rotateSecrets(old, next);
            }
            if (!root.quiet()) {
                root.out().println(scope + ": " + rewritten + (rewritten == 1 ? " entry" : " entries")
                        + " rewritten");
            }
        }
        return 0;
    }
}
