package io.github.statestore.examples;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.s3.S3Server;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs the README's local S3-compatible server quick-start as a newcomer would: its {@code STATESTORE_URL},
 * with only the server's address and the bucket's name swapped for the test's S3Proxy, and its keys in
 * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, in a child JVM with no other AWS setting. The
 * bucket does not exist beforehand: the URL's {@code createBucket=true} must create it before the first write.
 */
class ReadmeLocalS3IT {
    private static final Pattern URL = Pattern.compile("STATESTORE_URL='(s3://my-state\\?[^']*)'");
    private static final String README_ENDPOINT = "http://127.0.0.1:9000";

    @Test
    void theReadmesLocalServerUrlCreatesTheBucketAndStores() throws Exception {
        Matcher m = URL.matcher(Files.readString(Path.of("README.md")));
        assertTrue(m.find(), "README.md has no STATESTORE_URL='s3://my-state?...' line");
        assertTrue(m.group(1).contains("endpoint=" + README_ENDPOINT), m.group(1));
        String bucket = S3Server.newBucketName();
        String url = m.group(1).replace("s3://my-state", "s3://" + bucket)
                .replace(README_ENDPOINT, S3Server.endpoint().toString());

        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-Xmx128m", "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider",
                "-cp", System.getProperty("java.class.path"), QuickStartChild.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("STATESTORE_"));
        env.put("AWS_ACCESS_KEY_ID", S3Server.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", S3Server.SECRET_KEY);
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("STATESTORE_URL", url);
        Process child = builder.start();
        try {
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not exit");
            assertEquals(0, child.exitValue(), out);
            assertEquals(List.of("[assets]"), out.lines().toList());
        } finally {
            child.destroyForcibly();
        }
        try (S3Client raw = S3Server.rawClient()) {
            assertDoesNotThrow(() -> raw.headObject(o -> o.bucket(bucket).key("alchemy/my-app/dev/assets")));
        }
    }
}
