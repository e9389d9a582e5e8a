package io.github.statestore.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves what a user with no AWS credentials at all sees: an {@code AuthenticationException} that says none
 * were found and where the AWS chain looked, in a few hundred characters, not the SDK's account of each
 * provider. Hermetic: the store runs in a child JVM whose environment has no {@code AWS_*} variable but
 * credentials and config files that do not exist, a home of its own and the EC2 instance metadata turned off.
 */
class S3NoCredentialsIT {
    private static final int MAX_MESSAGE = 600;

    @TempDir
    Path home;

    @Test
    void theDefaultChainFindingNothingSaysSoAndWhereItLooked() throws Exception {
        List<String> out = runChild();
        assertEquals("AuthenticationException", out.get(0), String.join("\n", out));
        String message = out.get(1);
        assertTrue(message.startsWith("get on bucket 'my-state' failed: no AWS credentials found. The AWS default "
                + "chain looked at the system properties aws.accessKeyId and aws.secretAccessKey, the variables "
                + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_WEB_IDENTITY_TOKEN_FILE, profile 'default' in "
                + home.resolve("credentials") + " (absent) and " + home.resolve("config") + " (absent)"), message);
        assertTrue(message.endsWith("Set one of them, or build the config with S3Credentials.of(...) or "
                + "S3Credentials.profile(...)"), message);
        assertFalse(message.contains("rejected"), message);
        assertTrue(message.length() < MAX_MESSAGE, message.length() + " characters: " + message);
        assertEquals("false", out.get(2));
    }

    @Test
    void aProfileThatIsNotThereIsNamedWithItsFiles() throws Exception {
        List<String> out = runChild("ci");
        assertEquals("AuthenticationException", out.get(0), String.join("\n", out));
        assertEquals("get on bucket 'my-state' failed: no AWS credentials found in profile 'ci' of "
                + home.resolve("credentials") + " (absent) and " + home.resolve("config") + " (absent)", out.get(1));
    }

    private List<String> runChild(String... profile) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-Xmx128m", "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider",
                "-cp", System.getProperty("java.class.path"), NoCredentialsChild.class.getName(),
                S3Server.endpoint().toString()));
        command.addAll(List.of(profile));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        env.put("HOME", home.toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        Process child = builder.start();
        try {
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not exit");
            assertEquals(0, child.exitValue(), out);
            return out.lines().toList();
        } finally {
            child.destroyForcibly();
        }
    }
}
