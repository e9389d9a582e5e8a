package io.github.statestore.cli;

import io.github.statestore.ScopeCopy;
import io.github.statestore.internal.Archives;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code statestore import}: an archive into the store. One instance serves one run. */
@Command(name = "import", header = "Reads an archive into the store.",
        description = {"Reads a statestore archive (as export writes it) from standard input, or from --file,"
                + " and writes each document back with its exact bytes. A key the store lacks is created; one"
                + " with the same bytes is left alone; one with other bytes is refused unless --overwrite.",
                "Prints each refused key and what was done; exit code 1 if any key was refused."})
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    private StatestoreCommand root;

    @Option(names = "--file", paramLabel = "FILE", description = "Read the archive from FILE.")
    private Path file;

    @Option(names = "--overwrite", description = "Replace keys the store holds with other content.")
    private boolean overwrite;

    @Override
    public Integer call() {
        ScopeCopy.Report report;
        try (InputStream in = file == null ? root.stdin() : Files.newInputStream(file);
                ProgressBar bar = ProgressBar.of(root)) {
            report = Archives.importInto(in, root.config(), overwrite, bar);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + (file == null ? "standard input" : file) + ": "
                    + e.getMessage(), e);
        }
        report.refused().forEach(r -> root.out().println(CpCommand.line(r)));
        if (!root.quiet()) {
            root.out().println("Imported: " + report.copied() + " new, " + report.overwritten() + " overwritten, "
                    + report.unchanged() + " unchanged, " + report.refused().size() + " refused, in "
                    + report.scopes().size() + " scopes");
        }
        return report.refused().isEmpty() ? 0 : Cli.FAILURE;
    }
}
