package io.github.statestore.s3;

import static io.github.statestore.s3.SdkFailures.s3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Holds docs/s3.md's account of the retry log line to the code: the form it prints
 * ({@code S3 <operation> of <object> failed on attempt <n>/<maxAttempts> (<error>); retrying in <delay> ms})
 * must match what {@link RetryingS3Client} logs, with {@code <n>} the attempt that failed, and its example
 * line must have that form too.
 */
class RetryLogDocTest {
    private static final Pattern DOCUMENTED_FORM = Pattern.compile("`(S3 <operation> of [^`]*)`");
    private static final Pattern PLACEHOLDER = Pattern.compile("<(\\w+)>");
    private static final String OBJECT = "s3://my-state/alchemy/my-app/dev/assets";

    @Test
    void theLoggedLinesHaveTheDocumentedForm() throws IOException {
        Pattern form = documentedForm();
        List<Duration> waited = new ArrayList<>();
        RetryingS3Client client = new RetryingS3Client(null, false, "my-state", 6, attempt -> Duration.ofMillis(143),
                Duration.ofMinutes(1), Duration.ZERO, waited::add, System::nanoTime);
        try (CapturedLogs logs = new CapturedLogs()) {
            client.call(S3Operation.GET, "assets", OBJECT, ScriptedRequest.failing(2, s3(503, "SlowDown")));
            List<String> lines = logs.lines().stream()
                    .filter(l -> l.startsWith("WARN " + RetryingS3Client.class.getName() + " - "))
                    .map(l -> l.substring(l.indexOf(" - ") + 3)).toList();
            assertEquals(2, lines.size(), lines.toString());
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = form.matcher(lines.get(i));
                assertTrue(m.matches(), lines.get(i) + " does not have the documented form " + form);
                assertEquals("get", m.group("operation"));
                assertEquals(OBJECT, m.group("object"));
                assertEquals(String.valueOf(i + 1), m.group("n"), "the failed attempt's number");
                assertEquals("6", m.group("maxAttempts"));
                assertTrue(m.group("error").startsWith("S3Exception: SlowDown"), m.group("error"));
                assertEquals("143", m.group("delay"));
            }
        }
    }

    @Test
    void theDocumentedExampleHasTheDocumentedForm() throws IOException {
        String page = Files.readString(Path.of("docs/s3.md"));
        Matcher example = Pattern.compile("```\\n(S3 get of [^\\n]*)\\n```").matcher(page);
        assertTrue(example.find(), "docs/s3.md has no example retry line");
        Matcher m = documentedForm().matcher(example.group(1));
        assertTrue(m.matches(), example.group(1));
        assertEquals("1", m.group("n"));
    }

    /** The form docs/s3.md prints, as a pattern with one named group per {@code <placeholder>}. */
    private static Pattern documentedForm() throws IOException {
        Matcher documented = DOCUMENTED_FORM.matcher(Files.readString(Path.of("docs/s3.md")));
        assertTrue(documented.find(), "docs/s3.md does not print the retry line's form");
        StringBuilder regex = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(documented.group(1));
        int literal = 0;
        while (placeholder.find()) {
            regex.append(Pattern.quote(documented.group(1).substring(literal, placeholder.start())))
                    .append("(?<").append(placeholder.group(1)).append(">.+?)");
            literal = placeholder.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(documented.group(1).substring(literal))).toString());
    }
}
