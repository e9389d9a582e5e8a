package io.github.statestore.cli;

import io.github.statestore.InvalidStateException;
import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code statestore put SCOPE KEY}: writes one state document. One instance serves one run. */
@Command(name = "put", header = "Writes one state.",
        description = {"Reads a state document from standard input (or --file) and writes it under KEY,"
                + " replacing any earlier one. The document is checked as the library checks every state:"
                + " a JSON object with status, kind, id, fqn and the other fields of their types. It is"
                + " written as given: @secret envelopes stay as they are, and a plain value is not"
                + " encrypted. A secret masked as Secret(*****) is refused.",
                "With --ttl the entry expires after that time: reads no longer find it and purge removes it. The"
                + " store's backend must keep expiry, or nothing is written and the exit code is 1."})
final class PutCommand implements Callable<Integer> {
    @ParentCommand
    private StatestoreCommand root;

    @Parameters(index = "0", paramLabel = "SCOPE", description = "The scope, such as my-app/dev.")
    private Scope scope;

    @Parameters(index = "1", paramLabel = "KEY", description = "The key, such as api/database.")
    private String key;

    @Option(names = "--file", paramLabel = "FILE", description = "Read the document from FILE.")
    private Path file;

    @Option(names = "--ttl", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Expire the entry after DURATION, such as 90s, 15m, 1h, 7d, 500ms or PT1H (at most"
                    + " 36500d). Without it the entry does not expire, even if an earlier one did.")
    private Duration ttl;

    @Override
    public Integer call() {
        State state = parse(read());
        Documents.refuseMasked(key, state);
        try (StateStore store = root.open(scope)) {
            if (ttl == null) {
                store.set(key, state);
            } else {
                store.set(key, state, ttl);
            }
        }
        return 0;
    }

    private byte[] read() {
        try {
            if (file != null) {
                return Files.readAllBytes(file);
            }
            InputStream in = root.stdin();
            return in.readAllBytes();
        } catch (IOException e) {
            String why = e instanceof NoSuchFileException ? "no such file"
                    : e instanceof AccessDeniedException ? "permission denied" : e.toString();
            throw new UncheckedIOException("cannot read " + (file == null ? "standard input" : file) + ": " + why, e);
        }
    }

    private State parse(byte[] json) {
        try {
            return State.fromJson(json);
        } catch (InvalidStateException e) {
            String prefix = "Invalid state at " + e.getPath() + ": ";
            String message = e.getMessage();
            String reason = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
            throw new InvalidStateException(key, e.getPath(), reason, e);
        }
    }
}
