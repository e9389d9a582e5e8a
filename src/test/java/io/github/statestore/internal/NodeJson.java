package io.github.statestore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs {@code JSON.stringify(JSON.parse(input), null, 2)} in Node.js; skips the calling test without node. */
final class NodeJson {
    private static final String SCRIPT = "let s = ''; process.stdin.setEncoding('utf8');"
            + " process.stdin.on('data', d => s += d);"
            + " process.stdin.on('end', () => process.stdout.write(JSON.stringify(JSON.parse(s), null, 2)));";

    private NodeJson() {
    }

    /**
     * Re-stringifies JSON text as Alchemy (JavaScript) would write it.
     *
     * @param json JSON text
     * @return node's output, decoded from UTF-8
     */
    static String stringify(String json) throws IOException, InterruptedException {
        Path node = findNode();
        assumeTrue(node != null, "node is not on PATH, so JsonText is not compared with JSON.stringify");
        Process process = new ProcessBuilder(node.toString(), "-e", SCRIPT)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(json.getBytes(StandardCharsets.UTF_8));
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
