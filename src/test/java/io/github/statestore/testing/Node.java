package io.github.statestore.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs a Node.js program on input given on stdin; skips the calling test, saying why, when node is absent. */
public final class Node {
    private Node() {
    }

    /**
     * Runs a program with {@code node -e}.
     *
     * @param program the JavaScript source
     * @param stdin the program's input, written as UTF-8 (never on the command line)
     * @param skipReason what the test cannot check without node, shown when it is skipped
     * @return the program's standard output, decoded from UTF-8
     */
    public static String run(String program, String stdin, String skipReason) throws IOException, InterruptedException {
        Path node = find();
        assumeTrue(node != null, "node is not on PATH, so " + skipReason);
        Process process = new ProcessBuilder(node.toString(), "-e", program)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out;
        try (InputStream stdout = process.getInputStream()) {
            out = stdout.readAllBytes();
        }
        assertEquals(0, process.waitFor(), "node failed; see its error output above");
        return new String(out, StandardCharsets.UTF_8);
    }

    private static Path find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : new String[] {"node", "node.exe"}) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
