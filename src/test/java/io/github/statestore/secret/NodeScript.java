package io.github.statestore.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs a Node.js program on stdin input (no secret on a command line); skips the test without node. */
final class NodeScript {
    /** The program's prelude: {@code input} is stdin parsed as JSON; {@code main(input)} is written to stdout. */
    private static final String PRELUDE = "const crypto = require('crypto');"
            + " let s = ''; process.stdin.setEncoding('utf8'); process.stdin.on('data', d => s += d);"
            + " process.stdin.on('end', () => process.stdout.write(JSON.stringify(main(JSON.parse(s)))));\n";

    private NodeScript() {
    }

    /**
     * Runs {@code main}, a JavaScript function of the input that may use {@code crypto}.
     *
     * @param main the source of a function {@code main(input)} returning a JSON-serializable value
     * @param inputJson the input, JSON text
     * @return what {@code main} returned, as JSON text
     */
    static String run(String main, String inputJson) throws IOException, InterruptedException {
        Path node = findNode();
        assumeTrue(node != null, "node is not on PATH, so interoperability with Node's crypto is not checked");
        Process process = new ProcessBuilder(node.toString(), "-e", PRELUDE + main)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(inputJson.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out;
        try (InputStream stdout = process.getInputStream()) {
            out = stdout.readAllBytes();
        }
        assertEquals(0, process.waitFor(), "node failed; see its error output above");
        return new String(out, StandardCharsets.UTF_8);
    }

    private static Path findNode() {
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
