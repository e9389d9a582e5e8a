package io.github.statestore.secret;

import io.github.statestore.testing.Node;
import java.io.IOException;

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
        return Node.run(PRELUDE + main, inputJson, "interoperability with Node's crypto is not checked");
    }
}
