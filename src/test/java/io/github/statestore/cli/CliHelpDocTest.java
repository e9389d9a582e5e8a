package io.github.statestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** docs/cli.md shows every command's help exactly as the command prints it. */
class CliHelpDocTest {
    private static final Pattern HELP_BLOCK =
            Pattern.compile("```text\n\\$ statestore (?:([\\w-]+) )?--help\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyHelpBlockIsWhatTheCommandPrints() throws IOException {
        Map<String, String> blocks = new LinkedHashMap<>();
        Matcher m = HELP_BLOCK.matcher(Files.readString(Path.of("docs/cli.md")));
        while (m.find()) {
            blocks.put(m.group(1) == null ? "" : m.group(1), m.group(2));
        }
        List<String> commands = new ArrayList<>(List.of(""));
        commands.addAll(new CommandLine(new StatestoreCommand(Map.of(), new ByteArrayInputStream(new byte[0]), false))
                .getSubcommands().keySet());
        assertEquals(commands, List.copyOf(blocks.keySet()), "docs/cli.md's help blocks, in order");
        for (String command : commands) {
            CliRun help = command.isEmpty() ? CliRun.of("--help") : CliRun.of(command, "--help");
            assertEquals(0, help.code(), help::toString);
            assertEquals(help.out(), blocks.get(command), "docs/cli.md, statestore " + command + " --help");
        }
    }
}
