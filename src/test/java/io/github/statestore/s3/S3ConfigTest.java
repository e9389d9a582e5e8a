package io.github.statestore.s3;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.InvalidConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Proves the S3 config builder rejects each bad setting at once, naming it, applies the cross-field rules in
 * {@code build()}; that the config reports each setting, is equal to one built the same way and to no other,
 * and never shows a secret in {@code toString()}.
 */
class S3ConfigTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String PASSWORD = "pw-Zq7rX4-never-printed";

    private static void rejects(String setting, Executable call) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, call);
        assertEquals(setting, e.getSetting(), e.getMessage());
        assertTrue(e.getMessage().contains(setting), e.getMessage());
    }

    private static void rejects(String setting, Consumer<S3Config.Builder> setter) {
        rejects(setting, () -> setter.accept(S3Config.builder()));
    }

    @Test
    void everySetterValidatesAtOnce() {
        rejects("bucket", b -> b.bucket(null));
        rejects("bucket", b -> b.bucket("Not_A_Bucket"));
        rejects("region", b -> b.region(null));
        rejects("region", b -> b.region(" "));
        rejects("region", b -> b.region("eu-west-1;pathStyle=true"));
        rejects("region", b -> b.region("Eu-West-1"));
        rejects("region", b -> b.region("-eu"));
        rejects("prefix", b -> b.prefix(null));
        rejects("prefix", b -> b.prefix("state"));
        rejects("prefix", b -> b.prefix("/state/"));
        rejects("prefix", b -> b.prefix("a//b/"));
        rejects("endpoint", b -> b.endpoint(null));
        rejects("endpoint", b -> b.endpoint(URI.create("ftp://host/")));
        rejects("endpoint", b -> b.endpoint(URI.create("localhost:9000")));
        rejects("endpoint", b -> b.endpoint(URI.create("http:///path")));
        rejects("credentials", b -> b.credentials(null));
        rejects("maxConcurrency", b -> b.maxConcurrency(0));
        rejects("maxConcurrency", b -> b.maxConcurrency(1001));
        rejects("attemptTimeout", b -> b.attemptTimeout(null));
        rejects("attemptTimeout", b -> b.attemptTimeout(Duration.ZERO));
        rejects("requestTimeout", b -> b.requestTimeout(Duration.ofSeconds(-1)));
        rejects("retryPolicy", b -> b.retryPolicy(null));
        rejects("serverSideEncryption", b -> b.serverSideEncryption(null));
        rejects("client", b -> b.client(null));
    }

    @Test
    void anEndpointWithoutASchemeIsToldToAddHttp() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> S3Config.builder().endpoint(URI.create("localhost:9000")));
        assertEquals("Invalid setting endpoint: 'localhost:9000' has no scheme; add http:// (or https://), as in "
                + "http://localhost:9000", e.getMessage());
    }

    @Test
    void boundaryValuesAreAccepted() {
        S3Config c = S3Config.builder().bucket("abc").prefix("").maxConcurrency(1).build();
        assertEquals("", c.prefix());
        assertEquals(1000, S3Config.builder().bucket("abc").maxConcurrency(1000).build().maxConcurrency());
        assertEquals("a/b/", S3Config.builder().bucket("abc").prefix("a/b/").build().prefix());
        assertDoesNotThrow(() -> S3Config.builder().attemptTimeout(Duration.ofNanos(1)));
    }

    @Test
    void valueObjectsValidateToo() {
        rejects("credentials.accessKeyId", () -> S3Credentials.of(" ", SECRET));
        rejects("credentials.secretAccessKey", () -> S3Credentials.of(ACCESS_KEY, null));
        rejects("credentials.sessionToken", () -> S3Credentials.of(ACCESS_KEY, SECRET, ""));
        rejects("credentials.profile", () -> S3Credentials.profile(""));
        rejects("serverSideEncryption.kmsKeyId", () -> ServerSideEncryption.kms(" "));
        rejects("retry.maxAttempts", () -> RetryPolicy.builder().maxAttempts(0));
        rejects("retry.maxAttempts", () -> RetryPolicy.builder().maxAttempts(101));
        rejects("retry.baseDelay", () -> RetryPolicy.builder().baseDelay(Duration.ofMillis(-1)));
        rejects("retry.maxDelay", () -> RetryPolicy.builder().maxDelay(null));
        rejects("retry.maxDelay", () -> RetryPolicy.builder().baseDelay(Duration.ofSeconds(2))
                .maxDelay(Duration.ofSeconds(1)).build());
    }

    @Test
    void theBucketIsRequired() {
        rejects("bucket", () -> S3Config.builder().region("eu-west-1").build());
    }

    @Test
    void aCallersClientExcludesTheSettingsOnlyABuiltClientUses() {
        try (S3Client client = S3Client.builder().region(Region.EU_WEST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
            rejects("client", () -> S3Config.builder().bucket("abc").client(client).region("eu-west-1").build());
            rejects("client", () -> S3Config.builder().bucket("abc").client(client)
                    .endpoint(URI.create("http://127.0.0.1:9000")).build());
            rejects("client", () -> S3Config.builder().bucket("abc").client(client).pathStyle(true).build());
            rejects("client", () -> S3Config.builder().bucket("abc").client(client)
                    .credentials(S3Credentials.of(ACCESS_KEY, SECRET)).build());
            rejects("client", () -> S3Config.builder().bucket("abc").client(client)
                    .checksumsWhenRequired(true).build());
            S3Config c = S3Config.builder().bucket("abc").client(client).prefix("p/").maxConcurrency(4).build();
            assertTrue(c.toString().contains("client=caller's"), c.toString());
        }
    }

    @Test
    void defaultsAreAlchemysPrefixAndTheDocumentedPolicy() {
        S3Config c = S3Config.builder().bucket("abc").build();
        assertEquals("abc", c.bucket());
        assertEquals(Optional.empty(), c.region());
        assertEquals(S3Config.DEFAULT_PREFIX, c.prefix());
        assertEquals("alchemy/", c.prefix());
        assertEquals(Optional.empty(), c.endpoint());
        assertFalse(c.pathStyle());
        assertEquals(S3Credentials.defaultChain(), c.credentials());
        assertEquals(S3Credentials.Kind.DEFAULT_CHAIN, c.credentials().kind());
        assertFalse(c.createBucket());
        assertEquals(200, c.maxConcurrency());
        assertEquals(Duration.ofSeconds(10), c.attemptTimeout());
        assertEquals(Duration.ofSeconds(30), c.requestTimeout());
        assertEquals(RetryPolicy.defaults(), c.retryPolicy());
        assertEquals(ServerSideEncryption.none(), c.serverSideEncryption());
        assertFalse(c.checksumsWhenRequired());
        assertEquals(Optional.empty(), c.client());
        assertFalse(c.hasPassword());
    }

    @Test
    void eachSettingIsReportedAsItWasSet() {
        RetryPolicy retry = RetryPolicy.builder().maxAttempts(3).build();
        S3Config c = S3Config.builder().bucket("abc").region("eu-west-1").prefix("p/")
                .endpoint(URI.create("http://127.0.0.1:9000")).pathStyle(true).credentials(S3Credentials.profile("ci"))
                .createBucket(true).maxConcurrency(7).attemptTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofMinutes(1)).retryPolicy(retry)
                .serverSideEncryption(ServerSideEncryption.kms("alias/state")).checksumsWhenRequired(true)
                .password(PASSWORD).build();
        assertEquals("abc", c.bucket());
        assertEquals(Optional.of("eu-west-1"), c.region());
        assertEquals("p/", c.prefix());
        assertEquals(Optional.of(URI.create("http://127.0.0.1:9000")), c.endpoint());
        assertTrue(c.pathStyle());
        assertEquals(S3Credentials.Kind.PROFILE, c.credentials().kind());
        assertEquals(Optional.of("ci"), c.credentials().profileName());
        assertTrue(c.createBucket());
        assertEquals(7, c.maxConcurrency());
        assertEquals(Duration.ofSeconds(2), c.attemptTimeout());
        assertEquals(Duration.ofMinutes(1), c.requestTimeout());
        assertEquals(retry, c.retryPolicy());
        assertEquals(Optional.of("aws:kms"), c.serverSideEncryption().algorithm());
        assertEquals(Optional.of("alias/state"), c.serverSideEncryption().kmsKeyId());
        assertTrue(c.checksumsWhenRequired());
        assertTrue(c.hasPassword());
    }

    @Test
    void credentialsReportTheirKindAndNeverAKey() {
        S3Credentials keys = S3Credentials.of(ACCESS_KEY, SECRET, "session-token-FwoGZXIvYXdzEBY");
        assertEquals(S3Credentials.Kind.STATIC, keys.kind());
        assertEquals(Optional.empty(), keys.profileName());
        assertEquals(Optional.empty(), S3Credentials.defaultChain().profileName());
        assertEquals(Optional.empty(), ServerSideEncryption.none().algorithm());
        assertEquals(Optional.empty(), ServerSideEncryption.kms(null).kmsKeyId());
    }

    @Test
    void configsBuiltWithTheSameSettingsAreEqualAndDifferInEverySetting() {
        try (S3Client one = anonymousClient(); S3Client other = anonymousClient()) {
            List<Consumer<S3Config.Builder>> settings = List.of(b -> { }, b -> b.bucket("abd"),
                    b -> b.region("eu-west-1"), b -> b.prefix(""), b -> b.endpoint(URI.create("http://127.0.0.1:9000")),
                    b -> b.pathStyle(true), b -> b.credentials(S3Credentials.profile("dev")),
                    b -> b.credentials(S3Credentials.of(ACCESS_KEY, SECRET)),
                    b -> b.credentials(S3Credentials.of(ACCESS_KEY, SECRET + "x")),
                    b -> b.credentials(S3Credentials.of(ACCESS_KEY, SECRET, "token")), b -> b.createBucket(true),
                    b -> b.maxConcurrency(7), b -> b.attemptTimeout(Duration.ofSeconds(1)),
                    b -> b.requestTimeout(Duration.ofMinutes(1)), b -> b.retryPolicy(RetryPolicy.none()),
                    b -> b.serverSideEncryption(ServerSideEncryption.aes256()), b -> b.checksumsWhenRequired(true),
                    b -> b.password(PASSWORD), b -> b.password(PASSWORD + "x"), b -> b.client(one),
                    b -> b.client(other));
            for (int i = 0; i < settings.size(); i++) {
                S3Config c = build(settings.get(i));
                assertEquals(c, build(settings.get(i)), "setting " + i);
                assertEquals(c.hashCode(), build(settings.get(i)).hashCode(), "setting " + i);
                for (int j = 0; j < settings.size(); j++) {
                    if (i != j) {
                        assertNotEquals(c, build(settings.get(j)), "settings " + i + " and " + j);
                    }
                }
            }
        }
    }

    @Test
    void aCallersClientIsComparedByIdentity() {
        try (S3Client one = anonymousClient(); S3Client twin = anonymousClient()) {
            S3Config c = S3Config.builder().bucket("abc").client(one).build();
            assertEquals(Optional.of(one), c.client());
            assertEquals(c, S3Config.builder().bucket("abc").client(one).build());
            assertNotEquals(c, S3Config.builder().bucket("abc").client(twin).build());
        }
    }

    private static S3Config build(Consumer<S3Config.Builder> setting) {
        S3Config.Builder b = S3Config.builder().bucket("abc");
        setting.accept(b);
        return b.build();
    }

    private static S3Client anonymousClient() {
        return S3Client.builder().region(Region.EU_WEST_1).credentialsProvider(AnonymousCredentialsProvider.create())
                .build();
    }

    @Test
    void toStringNeverShowsTheSecretNorTheWholeAccessKeyId() {
        S3Credentials credentials = S3Credentials.of(ACCESS_KEY, SECRET, "session-token-FwoGZXIvYXdzEBY");
        S3Config c = S3Config.builder().bucket("abc").credentials(credentials).build();
        for (String text : new String[] {c.toString(), credentials.toString()}) {
            assertFalse(text.contains(SECRET), text);
            assertFalse(text.contains("K7MDENG"), text);
            assertFalse(text.contains(ACCESS_KEY), text);
            assertFalse(text.contains("session-token"), text);
        }
        assertTrue(c.toString().contains("credentials=static(AKIA…)"), c.toString());
        assertEquals("profile(dev)", S3Credentials.profile("dev").toString());
    }

    @Test
    void toStringListsTheSettingsButNeverThePassword() {
        S3Config c = S3Config.builder().bucket("abc").region("eu-west-1").prefix("p/")
                .endpoint(URI.create("http://127.0.0.1:9000")).pathStyle(true)
                .credentials(S3Credentials.of(ACCESS_KEY, SECRET, "session-token-FwoGZXIvYXdzEBY")).createBucket(true)
                .maxConcurrency(7).attemptTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofMinutes(1))
                .retryPolicy(RetryPolicy.none()).serverSideEncryption(ServerSideEncryption.aes256())
                .checksumsWhenRequired(true).password(PASSWORD).build();
        String text = c.toString();
        for (String secret : List.of(PASSWORD, SECRET, ACCESS_KEY, "session-token")) {
            assertFalse(text.contains(secret), text);
        }
        assertEquals("S3Config{bucket=abc, region=eu-west-1, prefix=p/, endpoint=http://127.0.0.1:9000, "
                + "pathStyle=true, credentials=static(AKIA…), createBucket=true, maxConcurrency=7, "
                + "attemptTimeout=PT2S, requestTimeout=PT1M, retryPolicy=RetryPolicy{maxAttempts=1, "
                + "baseDelay=PT0.2S, maxDelay=PT20S}, serverSideEncryption=AES256, checksumsWhenRequired=true, "
                + "password=set}", text);
    }
}
