package io.github.statestore.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.Lease;
import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.s3.S3Server;
import io.github.statestore.secret.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The commands against the suite's real S3 server, reached by an {@code s3://} URL as a user gives it. The
 * keys come from the AWS default chain, as a user's do: here its system properties, set for this class only.
 */
class CliS3IT {
    private static final String DOC = "{\n  \"status\": \"created\",\n  \"kind\": \"aws::Bucket\",\n  \"id\": \"a\",\n"
            + "  \"fqn\": \"my-app/dev/a\",\n  \"seq\": 1,\n  \"data\": {},\n  \"props\": {},\n  \"output\": {}\n}";

    @BeforeAll
    static void credentials() {
        System.setProperty("aws.accessKeyId", S3Server.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3Server.SECRET_KEY);
    }

    @AfterAll
    static void noCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private static String url(String bucket) {
        return "s3://" + bucket + "?endpoint=" + S3Server.endpoint() + "&pathStyle=true&region=us-east-1";
    }

    @Test
    void everyCommandOnABucket() {
        String bucket = S3Server.newBucket();
        String url = url(bucket);
        for (String key : new String[] {"a", "api/db", "gone"}) {
            CliRun put = CliRun.with(Map.of(), DOC, "--url", url, "put", "my-app/dev", key);
            assertEquals(0, put.code(), put::toString);
        }
        CliRun.with(Map.of(), DOC, "--url", url, "put", "my-app/dev/nested", "n");
        assertEquals(0, CliRun.of("--url", url, "rm", "my-app/dev", "gone").code());

        assertEquals("a\napi/db\n", CliRun.of("--url", url, "ls", "my-app/dev").out());
        assertEquals("[\"a\",\"api/db\"]\n", CliRun.of("--url", url, "--json", "ls", "my-app/dev").out());
        assertEquals(DOC + "\n", CliRun.of("--url", url, "get", "my-app/dev", "api/db").out());
        assertEquals(2, CliRun.of("--url", url, "--json", "cat", "my-app/dev").out().lines().count());
        CliRun verify = CliRun.of("--url", url, "verify", "my-app/dev");
        assertEquals(0, verify.code(), verify::toString);
        assertEquals("my-app/dev: 2 documents, 0 do not read\n", verify.out());

        try (S3Client s3 = S3Server.rawClient()) {
            s3.putObject(b -> b.bucket(bucket).key("alchemy/my-app/dev/api:db"), RequestBody.fromString("[1,"));
        }
        CliRun corrupt = CliRun.of("--url", url, "verify", "my-app/dev");
        assertEquals(1, corrupt.code(), corrupt::toString);
        assertTrue(corrupt.out().startsWith("my-app/dev: Corrupt state for key \"api/db\" at s3://" + bucket
                + "/alchemy/my-app/dev/api:db: "), corrupt::toString);
        assertTrue(corrupt.out().endsWith("my-app/dev: 2 documents, 1 does not read\n"), corrupt::toString);
    }

    /**
     * A migration as a user runs it: a tree of scopes from a FileSystem directory to a bucket and back, then
     * the same through an archive; every step checked with scopes and diff, and the documents byte-identical.
     */
    @Test
    void aTreeGoesToABucketAndBackByCpAndByAnArchive(@TempDir Path dir) throws IOException {
        String files = "file:" + dir.resolve("files");
        for (String scope : new String[] {"my-app/dev", "my-app/dev/nested", "my-app/prod"}) {
            assertEquals(0, CliRun.with(Map.of(), DOC, "--url", files, "put", scope, "a").code());
        }
        String bucket = url(S3Server.newBucket());

        assertEquals(0, CliRun.of("cp", "--verify", files, bucket).code());
        assertEquals("my-app\nmy-app/dev\nmy-app/dev/nested\nmy-app/prod\n",
                CliRun.of("--url", bucket, "scopes").out());
        assertEquals(0, CliRun.of("diff", files, bucket).code());
        String back = "file:" + dir.resolve("back");
        assertEquals(0, CliRun.of("cp", bucket, back, "my-app").code());
        assertArrayEquals(Files.readAllBytes(dir.resolve("files/my-app/dev/nested/a.json")),
                Files.readAllBytes(dir.resolve("back/my-app/dev/nested/a.json")));

        Path archive = dir.resolve("bucket.jsonl");
        assertEquals(0, CliRun.of("--url", bucket, "export", "--file", archive.toString()).code());
        String other = url(S3Server.newBucket());
        CliRun imported = CliRun.of("--url", other, "import", "--file", archive.toString());
        assertEquals("Imported: 3 new, 0 overwritten, 0 unchanged, 0 refused, in 3 scopes\n", imported.out());
        assertEquals(0, CliRun.of("diff", bucket, other).code());
        assertEquals("[]\n", CliRun.of("--url", other, "--json", "locks").out());
    }

    /**
     * bootstrap on S3Proxy: the bucket is created, versioning turned on and default encryption set; S3Proxy
     * does not implement public access blocks (501), which is said, with exit code 1. A second run changes
     * nothing.
     */
    @Test
    void bootstrapSetsTheBucketUpAndSaysWhatTheServerCannotDo() {
        String url = url(S3Server.newBucketName());

        CliRun first = CliRun.of("--url", url, "bootstrap");
        CliRun second = CliRun.of("--url", url, "bootstrap");

        assertEquals(1, first.code(), first::toString);
        String bucket = url.substring("s3://".length(), url.indexOf('?'));
        assertEquals("bucket: set, " + bucket + "\nversioning: set, enabled\nencryption: set, AES256 by default\n"
                + "public access: not set: the server does not implement it (NotImplemented)\n", first.out());
        assertTrue(second.out().startsWith("bucket: already " + bucket + "\nversioning: already enabled\n"),
                second.out());
        assertEquals(1, CliRun.of("--url", "file:.", "bootstrap").code());
    }

    /** rotate-password, locks and unlock on a bucket. */
    @Test
    void secretsRotateAndALockIsBrokenOnABucket() {
        String bucket = S3Server.newBucket();
        String url = url(bucket);
        Scope scope = Scope.of("my-app", "dev");
        try (StateStore store = S3Server.config(bucket).password("old-pw-1").build().open(scope)) {
            store.set("db", State.builder().status(State.Status.CREATED).kind("k").id("db").fqn("my-app/dev/db")
                    .props(Map.of("password", Secret.of("s3cr3t"))).build());
            Map<String, String> passwords = Map.of("STATESTORE_PASSWORD", "old-pw-1", "STATESTORE_NEW_PASSWORD",
                    "new-pw-2");
            CliRun rotated = CliRun.with(passwords, "", "--url", url, "rotate-password", "my-app/dev");
            assertEquals("my-app/dev: 1 entry rewritten\n", rotated.out(), rotated::toString);

            try (Lease lease = store.lock("deploy", Duration.ofMinutes(5))) {
                assertTrue(CliRun.of("--url", url, "locks").out().startsWith("my-app/dev deploy: held by "));
                assertEquals(0, CliRun.of("--url", url, "unlock", "--force", "my-app/dev", "deploy").code());
                assertTrue(CliRun.of("--url", url, "--json", "locks").out().contains("\"state\":\"released\""));
            }
        }
        try (StateStore store = S3Server.config(bucket).password("new-pw-2").build().open(scope)) {
            assertEquals("s3cr3t", ((Secret) store.get("db").orElseThrow().props().get("password")).reveal());
        }
    }

    @Test
    void aMissingBucketIsOneLineAndAHint() {
        CliRun ls = CliRun.of("--url", url(S3Server.newBucketName()), "ls", "my-app/dev");
        assertEquals(1, ls.code(), ls::toString);
        assertEquals("", ls.out());
        assertEquals(2, ls.err().lines().count(), ls::toString);
        assertTrue(ls.err().startsWith("statestore: "), ls::toString);
        assertTrue(ls.err().endsWith("Check the bucket in --url or STATESTORE_URL.\n"), ls::toString);
    }
}
