package io.github.statestore.cli;

import io.github.statestore.Scope;
import io.github.statestore.ScopeCopy;
import io.github.statestore.StateStores;
import io.github.statestore.StoreConfig;
import io.github.statestore.internal.Archives;
import io.github.statestore.internal.ScopeWalk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code statestore export [SCOPE...]}: the store, or some trees of it, as one archive. One per run. */
@Command(name = "export", header = "Writes scopes to an archive.",
        description = {"Writes every document of each SCOPE and the scopes below it (without SCOPE, of the"
                + " whole store) to standard output, or to --file, as a statestore archive: JSON Lines, one"
                + " document a line with its exact text (secrets stay sealed). Streams: one document is held"
                + " at a time.",
                "Then, on standard error, how many documents were written (not with --quiet) and each one left"
                + " out because it does not read; exit code 1 if any was."})
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    private StatestoreCommand root;

    @Parameters(arity = "0..*", paramLabel = "SCOPE", description = "The scopes to export, such as my-app.")
    private List<Scope> trees = new ArrayList<>();

    @Option(names = "--file", paramLabel = "FILE", description = "Write the archive to FILE.")
    private Path file;

    @Override
    public Integer call() {
        StoreConfig source = root.config();
        List<Scope> scopes = new ArrayList<>();
        if (trees.isEmpty()) {
            scopes.addAll(StateStores.scopes(source));
        }
        for (Scope tree : trees) {
            scopes.addAll(ScopeWalk.tree(source, tree));
        }
        ScopeCopy.Report report;
        try (ProgressBar bar = ProgressBar.of(root)) {
            if (file == null) {
                report = Archives.export(source, scopes, root.out(), bar);
            } else {
                try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    report = Archives.export(source, scopes, writer, bar);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
                }
            }
        }
        report.refused().forEach(r -> root.err().println(CpCommand.line(r)));
        if (!root.quiet()) {
            root.err().println("Exported " + report.copied() + (report.copied() == 1 ? " document" : " documents")
                    + " from " + scopes.size() + (scopes.size() == 1 ? " scope" : " scopes"));
        }
        return report.refused().isEmpty() ? 0 : Cli.FAILURE;
    }
}
