package io.github.statestore.cli;

import io.github.statestore.InvalidConfigException;
import io.github.statestore.StoreConfig;
import io.github.statestore.internal.JsonText;
import io.github.statestore.r2.R2Config;
import io.github.statestore.s3.S3Bootstrap;
import io.github.statestore.s3.S3Config;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code statestore bootstrap}: the bucket of an s3:// or r2:// URL set up for state. One per run. */
@Command(name = "bootstrap", header = "Sets a bucket up as a state bucket should be.",
        description = {"For the bucket of --url (an s3:// or r2:// URL): creates it if missing, turns"
                + " versioning on, sets default encryption (AES256) and blocks public access. Each step reads"
                + " the setting first and changes only what is missing, so running it again changes nothing."
                + " Prints one line per step: what it did or found; with --json, one JSON array of"
                + " {\"setting\",\"outcome\",\"detail\"}.",
                "Exit code 1 if the server does not implement a setting (S3-compatible servers differ; R2 has"
                + " no versioning): the bucket is then not all a state bucket should be."})
final class BootstrapCommand implements Callable<Integer> {
    @ParentCommand
    private StatestoreCommand root;

    @Override
    public Integer call() {
        StoreConfig config = root.config();
        S3Config s3;
        if (config instanceof S3Config direct) {
            s3 = direct;
        } else if (config instanceof R2Config r2) {
            s3 = r2.s3Config();
        } else {
            throw new InvalidConfigException("--url", "bootstrap sets up a bucket: give an s3:// or r2:// URL");
        }
        List<S3Bootstrap.Step> steps = S3Bootstrap.run(s3);
        if (root.json()) {
            root.out().println(JsonText.writeCompact(steps.stream().map(step -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("setting", step.setting());
                row.put("outcome", step.outcome().name().toLowerCase(Locale.ROOT));
                row.put("detail", step.detail());
                return row;
            }).toList()));
        } else {
            steps.forEach(step -> root.out().println(step.setting() + ": " + switch (step.outcome()) {
                case DONE -> "set, " + step.detail();
                case ALREADY -> "already " + step.detail();
                case UNSUPPORTED -> "not set: " + step.detail();
            }));
        }
        return steps.stream().anyMatch(s -> s.outcome() == S3Bootstrap.Outcome.UNSUPPORTED) ? Cli.FAILURE : 0;
    }
}
