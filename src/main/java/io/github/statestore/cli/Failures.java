package io.github.statestore.cli;

import io.github.statestore.AccessDeniedException;
import io.github.statestore.BucketNotFoundException;
import io.github.statestore.CorruptStateException;
import io.github.statestore.SecretException;
import io.github.statestore.StateStoreException;
import io.github.statestore.StoreUnavailableException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a command's exception into one or two plain lines on standard error, what is wrong and, when it
 * helps, what to do; exit code 1. The stack trace only with {@code --verbose}. Stateless.
 */
final class Failures implements IExecutionExceptionHandler {
    private final StatestoreCommand root;

    Failures(StatestoreCommand root) {
        this.root = root;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (root.verbose()) {
            e.printStackTrace(err);
        }
        err.println("statestore: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        String hint = hint(e);
        if (hint != null) {
            err.println(hint);
        }
        return Cli.FAILURE;
    }

    private static String hint(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "Check that the credentials may read and write the bucket (docs/s3.md, IAM policy).";
        }
        if (e instanceof BucketNotFoundException) {
            return "Check the bucket in --url or STATESTORE_URL.";
        }
        if (e instanceof StoreUnavailableException) {
            return "The storage did not answer; try again later.";
        }
        if (e instanceof CorruptStateException) {
            return "Run 'statestore verify' on the scope to find every corrupt document.";
        }
        if (e instanceof SecretException) {
            return "Check STATESTORE_PASSWORD (or ALCHEMY_PASSWORD): it must be the password the secrets were"
                    + " written with.";
        }
        if (!(e instanceof StateStoreException) && !(e instanceof UncheckedIOException)) {
            return "Run again with --verbose for the stack trace.";
        }
        return null;
    }
}
