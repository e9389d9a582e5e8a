package io.github.statestore.internal;

import io.github.statestore.testing.Node;
import java.io.IOException;

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
        return Node.run(SCRIPT, json, "JsonText is not compared with JSON.stringify");
    }
}
