package io.github.statestore.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.InvalidConfigException;
import io.github.statestore.StoreConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves {@code s3://} URLs: the prefix rules, every query parameter, and that each malformed URL is an
 * {@link InvalidConfigException} naming the setting the URL came from, never showing credentials.
 */
class S3ConfigUrlTest {

    private static S3Config parse(String url) {
        return assertInstanceOf(S3Config.class, StoreConfig.parse(url));
    }

    private static InvalidConfigException rejected(String url) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> StoreConfig.parse(url));
        assertEquals("url", e.getSetting(), e.getMessage());
        return e;
    }

    @Test
    void thePathIsThePrefix() {
        assertEquals("alchemy/", parse("s3://bucket").prefix());
        assertEquals("alchemy/", parse("s3://bucket?region=eu-west-1").prefix());
        assertEquals("", parse("s3://bucket/").prefix());
        assertEquals("", parse("s3://bucket/?region=eu-west-1").prefix());
        assertEquals("state/", parse("s3://bucket/state").prefix());
        assertEquals("state/", parse("s3://bucket/state/").prefix());
        assertEquals("teams/a/", parse("s3://bucket/teams/a").prefix());
        assertEquals("bucket", parse("s3://bucket/state").bucket());
    }

    @Test
    void withoutParametersEverySettingIsTheBuildersDefault() {
        S3Config c = parse("s3://bucket");
        assertNull(c.region);
        assertNull(c.endpoint);
        assertFalse(c.pathStyle);
        assertFalse(c.createBucket);
        assertEquals(S3Credentials.defaultChain(), c.credentials);
        assertEquals(ServerSideEncryption.none(), c.serverSideEncryption);
        assertEquals(RetryPolicy.defaults(), c.retryPolicy);
    }

    @Test
    void everyParameterIsApplied() {
        S3Config c = parse("s3://bucket/p/?region=eu-west-1&endpoint=http%3A%2F%2F127.0.0.1%3A9000&pathStyle=true"
                + "&profile=dev&createBucket=true&maxConcurrency=7&attemptTimeout=1500&requestTimeout=PT2M"
                + "&maxAttempts=9&sse=AES256");
        assertEquals("eu-west-1", c.region);
        assertEquals(URI.create("http://127.0.0.1:9000"), c.endpoint);
        assertTrue(c.pathStyle);
        assertEquals(S3Credentials.profile("dev"), c.credentials);
        assertTrue(c.createBucket);
        assertEquals(7, c.maxConcurrency());
        assertEquals(Duration.ofMillis(1500), c.attemptTimeout);
        assertEquals(Duration.ofMinutes(2), c.requestTimeout);
        assertEquals(9, c.retryPolicy().maxAttempts());
        assertEquals(ServerSideEncryption.aes256(), c.serverSideEncryption);
        assertEquals("p/", c.prefix());
    }

    @Test
    void kmsEncryptionTakesAnOptionalKeyId() {
        assertEquals(ServerSideEncryption.kms(null), parse("s3://bucket?sse=aws:kms").serverSideEncryption);
        assertEquals(ServerSideEncryption.kms("alias/state"),
                parse("s3://bucket?sse=aws%3Akms&kmsKeyId=alias%2Fstate").serverSideEncryption);
        assertEquals("aws:kms", parse("s3://bucket?sse=aws:kms&kmsKeyId=k").serverSideEncryption.algorithm());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "s3://bucket?colour=blue", "s3://bucket?region=eu-west-1&region=us-east-1", "s3://bucket?pathStyle=yes",
        "s3://bucket?pathStyle", "s3://bucket?createBucket=1", "s3://bucket?maxConcurrency=many",
        "s3://bucket?maxConcurrency=0", "s3://bucket?maxAttempts=0", "s3://bucket?attemptTimeout=10s",
        "s3://bucket?requestTimeout=-5", "s3://bucket?attemptTimeout=PT0S", "s3://bucket?region=",
        "s3://bucket?endpoint=ftp%3A%2F%2Fhost", "s3://bucket?endpoint=http%3A%2F%2Fa%20b",
        "s3://bucket?profile=", "s3://bucket?sse=aes256", "s3://bucket?kmsKeyId=k",
        "s3://bucket?sse=AES256&kmsKeyId=k", "s3://bucket?%zz=1", "s3://Bucket", "s3://b", "s3://bucket//x",
        "s3://", "s3:bucket", "s3://bucket/a b"})
    void eachMalformedUrlNamesTheUrlSetting(String url) {
        InvalidConfigException e = rejected(url);
        assertTrue(e.getMessage().startsWith("Invalid setting url: "), e.getMessage());
    }

    @Test
    void anUnknownParameterIsNamed() {
        assertTrue(rejected("s3://bucket?colour=blue&region=x").getMessage().contains("colour"));
    }

    @Test
    void fromEnvNamesTheVariable() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> StoreConfig.fromEnv(Map.of("STATESTORE_URL", "s3://bucket?maxConcurrency=0")));
        assertEquals("STATESTORE_URL", e.getSetting());
        assertTrue(e.getMessage().contains("maxConcurrency"), e.getMessage());
        assertEquals("state/", assertInstanceOf(S3Config.class,
                StoreConfig.fromEnv(Map.of("STATESTORE_URL", " s3://bucket/state "))).prefix());
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3://AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI@bucket/state/",
        "s3://AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI/K7MDENG+bPxRfiCY@bucket",
        "s3://AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI K7MDENG@bucket", "s3://AKIAIOSFODNN7EXAMPLE@bucket"})
    void credentialsInTheUrlAreRejectedWithoutShowingThem(String url) {
        InvalidConfigException e = rejected(url);
        assertFalse(e.getMessage().contains("wJalrXUtnFEMI"), e.getMessage());
        assertFalse(e.getMessage().contains("K7MDENG"), e.getMessage());
        assertFalse(e.getMessage().contains("AKIAIOSFODNN7EXAMPLE"), e.getMessage());
        assertTrue(e.getMessage().contains("credentials"), e.getMessage());
    }

    @Test
    void anAtSignInThePrefixIsNotMistakenForCredentials() {
        assertEquals("team@corp/", parse("s3://bucket/team@corp/").prefix());
    }
}
