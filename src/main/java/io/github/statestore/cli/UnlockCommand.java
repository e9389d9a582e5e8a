package io.github.statestore.cli;

import io.github.statestore.LockInfo;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code statestore unlock SCOPE NAME}: breaks a lock whose holder is gone. One instance serves one run. */
@Command(name = "unlock", header = "Breaks a lock whose holder is gone.",
        description = {"Breaks the lock NAME of SCOPE, as StateStore.forceUnlock does, so that the next taker"
                + " need not wait for the lease to expire. Break only a lock whose holder is known to be dead:"
                + " a holder that is alive after all loses its lease, and its next fenced write (Lease.set) is"
                + " refused, but what it does without fencing is not stopped.",
                "When the lock is held, asks for confirmation on standard input unless --force. Exit code 1"
                + " when the answer is not yes."})
final class UnlockCommand implements Callable<Integer> {
    @ParentCommand
    private StatestoreCommand root;

    @Parameters(index = "0", paramLabel = "SCOPE", description = "The scope, such as my-app/dev.")
    private Scope scope;

    @Parameters(index = "1", paramLabel = "NAME", description = "The lock's name.")
    private String name;

    @Option(names = "--force", description = "Break it without asking.")
    private boolean force;

    @Override
    public Integer call() {
        try (StateStore store = root.open(scope)) {
            Instant now = Instant.now();
            Optional<LockInfo> lock = store.locks().stream().filter(l -> l.name().equals(name)).findFirst();
            if (lock.isEmpty() || !lock.get().isHeldAt(now)) {
                root.out().println(scope + " " + name + ": " + lock.map(l -> LocksCommand.state(l, now))
                        .orElse("never taken") + "; nothing to break");
                return 0;
            }
            LockInfo held = lock.get();
            if (!force && !confirmed(held)) {
                root.err().println("Not broken.");
                return Cli.FAILURE;
            }
            store.forceUnlock(name);
            root.out().println(scope + " " + name + ": broken; it was held by " + held.holder() + " until "
                    + held.expiresAt() + ", token " + held.fencingToken());
            return 0;
        }
    }

    private boolean confirmed(LockInfo held) {
        root.err().print("Break lock " + name + " of " + scope + ", held by " + held.holder() + " until "
                + held.expiresAt() + "? [y/N] ");
        root.err().flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(root.stdin(), StandardCharsets.UTF_8))
                    .readLine();
            return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the answer from standard input", e);
        }
    }
}
