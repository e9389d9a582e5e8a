package io.github.statestore.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.InvalidConfigException;
import io.github.statestore.StoreConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves {@code s3://} URLs: the prefix rules, every query parameter, and that each malformed URL is an
 * {@link InvalidConfigException} naming the setting the URL came from (and the part of it that is wrong, with
 * a "did you mean" for a misspelt parameter), never showing credentials.
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
        assertEquals(Optional.empty(), c.region());
        assertEquals(Optional.empty(), c.endpoint());
        assertFalse(c.pathStyle());
        assertFalse(c.createBucket());
        assertEquals(S3Credentials.defaultChain(), c.credentials());
        assertEquals(ServerSideEncryption.none(), c.serverSideEncryption());
        assertEquals(RetryPolicy.defaults(), c.retryPolicy());
    }

    @Test
    void everyParameterIsApplied() {
        S3Config c = parse("s3://bucket/p/?region=eu-west-1&endpoint=http%3A%2F%2F127.0.0.1%3A9000&pathStyle=true"
                + "&profile=dev&createBucket=true&maxConcurrency=7&attemptTimeout=1500&requestTimeout=PT2M"
                + "&maxAttempts=9&sse=AES256");
        assertEquals(Optional.of("eu-west-1"), c.region());
        assertEquals(Optional.of(URI.create("http://127.0.0.1:9000")), c.endpoint());
        assertTrue(c.pathStyle());
        assertEquals(S3Credentials.profile("dev"), c.credentials());
        assertTrue(c.createBucket());
        assertEquals(7, c.maxConcurrency());
        assertEquals(Duration.ofMillis(1500), c.attemptTimeout());
        assertEquals(Duration.ofMinutes(2), c.requestTimeout());
        assertEquals(9, c.retryPolicy().maxAttempts());
        assertEquals(ServerSideEncryption.aes256(), c.serverSideEncryption());
        assertEquals("p/", c.prefix());
    }

    @Test
    void aUrlEqualsTheBuilderConfigWithTheSameSettings() {
        S3Config url = parse("s3://bucket/p/?region=eu-west-1&endpoint=http%3A%2F%2F127.0.0.1%3A9000&pathStyle=true"
                + "&checksumsWhenRequired=true&profile=dev&createBucket=true&maxConcurrency=7&attemptTimeout=1500"
                + "&requestTimeout=PT2M&maxAttempts=9&sse=aws:kms&kmsKeyId=alias%2Fstate");
        S3Config built = S3Config.builder().bucket("bucket").prefix("p/").region("eu-west-1")
                .endpoint(URI.create("http://127.0.0.1:9000")).pathStyle(true).checksumsWhenRequired(true)
                .credentials(S3Credentials.profile("dev")).createBucket(true).maxConcurrency(7)
                .attemptTimeout(Duration.ofMillis(1500)).requestTimeout(Duration.ofMinutes(2))
                .retryPolicy(RetryPolicy.builder().maxAttempts(9).build())
                .serverSideEncryption(ServerSideEncryption.kms("alias/state")).build();
        assertEquals(built, url);
        assertEquals(built.hashCode(), url.hashCode());
        assertEquals(S3Config.builder().bucket("bucket").build(), parse("s3://bucket"));
        assertEquals(S3Config.builder().bucket("my-state").prefix("").region("eu-west-1").build(),
                parse("s3://my-state/?region=eu-west-1"));
        assertNotEquals(built, parse("s3://bucket/p/?region=eu-west-1"));
    }

    @Test
    void kmsEncryptionTakesAnOptionalKeyId() {
        assertEquals(ServerSideEncryption.kms(null), parse("s3://bucket?sse=aws:kms").serverSideEncryption());
        assertEquals(ServerSideEncryption.kms("alias/state"),
                parse("s3://bucket?sse=aws%3Akms&kmsKeyId=alias%2Fstate").serverSideEncryption());
        assertEquals(Optional.of("aws:kms"),
                parse("s3://bucket?sse=aws:kms&kmsKeyId=k").serverSideEncryption().algorithm());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "s3://bucket?colour=blue", "s3://bucket?region=eu-west-1&region=us-east-1", "s3://bucket?pathStyle",
        "s3://bucket?%zz=1", "s3://", "s3:bucket", "s3://bucket/a b", "s3://bucket?region=eu-west-1;pathStyle=true",
        "s3://bucket?region=eu-west-1?pathStyle=true", "s3://bucket?region=eu-west-1&&pathStyle=true",
        "s3://bucket?region=eu-west-1&", "s3://bucket?=eu-west-1"})
    void eachMalformedUrlNamesTheUrlSetting(String url) {
        InvalidConfigException e = rejected(url);
        assertTrue(e.getMessage().startsWith("Invalid setting url: "), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "s3://bucket?pathStyle=yes|pathStyle", "s3://bucket?createBucket=1|createBucket",
        "s3://bucket?maxConcurrency=many|maxConcurrency", "s3://bucket?maxConcurrency=0|maxConcurrency",
        "s3://bucket?maxAttempts=0|maxAttempts", "s3://bucket?attemptTimeout=10s|attemptTimeout",
        "s3://bucket?requestTimeout=-5|requestTimeout", "s3://bucket?attemptTimeout=PT0S|attemptTimeout",
        "s3://bucket?region=|region", "s3://bucket?region=eu_west_1|region", "s3://bucket?region=EU-WEST-1|region",
        "s3://bucket?region=eu-west-1%3BpathStyle%3Dtrue|region", "s3://bucket?endpoint=ftp%3A%2F%2Fhost|endpoint",
        "s3://bucket?endpoint=http%3A%2F%2Fa%20b|endpoint", "s3://bucket?endpoint=127.0.0.1:9000|endpoint",
        "s3://bucket?profile=|profile", "s3://bucket?sse=aes256|sse", "s3://bucket?kmsKeyId=k|sse",
        "s3://bucket?sse=AES256&kmsKeyId=k|sse", "s3://bucket?sse=aws:kms&kmsKeyId=|kmsKeyId", "s3://Bucket|bucket",
        "s3://b|bucket", "s3://bucket//x|prefix"})
    void aValueTheUrlGivesASettingNamesThatPartAndTheUrlSetting(String url, String part) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> StoreConfig.parse(url));
        assertEquals(part + " in url", e.getSetting(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Invalid setting " + part + " in url: '" + url + "': "), e.getMessage());
    }

    @Test
    void aBadBucketReadsAsTheConfigurationPageShowsIt() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> StoreConfig.fromEnv(Map.of("STATESTORE_URL", "s3://My_State/state")));
        assertEquals("Invalid setting bucket in STATESTORE_URL: 's3://My_State/state': 'My_State' must be 3 to 63 "
                + "characters of lower-case letters, digits, '.' and '-', starting and ending with a letter or digit",
                e.getMessage());
    }

    @Test
    void aSemicolonBetweenParametersIsRefusedNotReadIntoTheValue() {
        InvalidConfigException e = rejected("s3://bucket?region=eu-west-1;pathStyle=true");
        assertTrue(e.getMessage().contains("';'") && e.getMessage().contains("use '&'"), e.getMessage());
    }

    @Test
    void aRegionOfAnotherShapeIsRefusedAndCustomRegionsPass() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> StoreConfig.parse("s3://bucket?region=eu%20west"));
        assertTrue(e.getMessage().contains("'eu west' is not a region name"), e.getMessage());
        for (String region : List.of("us-gov-west-1", "cn-north-1", "auto", "garage", "nyc3", "fr-par")) {
            assertEquals(Optional.of(region), parse("s3://bucket?region=" + region).region());
        }
    }

    @ParameterizedTest
    @CsvSource({"regoin,region", "pathstyle,pathStyle", "endpont,endpoint", "maxAttempt,maxAttempts",
        "createbucket,createBucket", "request_timeout,requestTimeout"})
    void aNearMissParameterNameIsAnsweredWithTheKnownOne(String typo, String known) {
        InvalidConfigException e = rejected("s3://bucket?" + typo + "=x");
        assertTrue(e.getMessage().contains("unknown parameter '" + typo + "' (did you mean '" + known + "'?)"),
                e.getMessage());
    }

    @Test
    void anUnknownParameterFarFromEveryKnownOneListsThem() {
        InvalidConfigException e = rejected("s3://bucket?colour=blue");
        assertTrue(e.getMessage().contains("unknown parameter 'colour'; known: region, endpoint, pathStyle"),
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:9000", "localhost:9000", "minio.internal"})
    void anEndpointWithoutASchemeIsToldToAddHttp(String endpoint) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> StoreConfig.parse("s3://bucket?endpoint=" + endpoint));
        assertEquals("endpoint in url", e.getSetting());
        assertTrue(e.getMessage().contains("add http://") && e.getMessage().contains("endpoint=http://" + endpoint),
                e.getMessage());
    }

    @Test
    void valuesArePercentDecodedAndAPlusStaysAPlus() {
        assertEquals(S3Credentials.profile("a+b c"), parse("s3://bucket?profile=a+b%20c").credentials());
    }

    @Test
    void anUnknownParameterIsNamed() {
        assertTrue(rejected("s3://bucket?colour=blue&region=x").getMessage().contains("colour"));
    }

    @Test
    void fromEnvNamesTheVariableAndThePart() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> StoreConfig.fromEnv(Map.of("STATESTORE_URL", "s3://bucket?maxConcurrency=0")));
        assertEquals("maxConcurrency in STATESTORE_URL", e.getSetting());
        InvalidConfigException bucket = assertThrows(InvalidConfigException.class,
                () -> StoreConfig.fromEnv(Map.of("STATESTORE_URL", "s3://My_Bucket/state")));
        assertEquals("bucket in STATESTORE_URL", bucket.getSetting());
        assertTrue(bucket.getMessage().contains("'My_Bucket' must be 3 to 63 characters"), bucket.getMessage());
        InvalidConfigException prefix = assertThrows(InvalidConfigException.class,
                () -> StoreConfig.fromEnv(Map.of("STATESTORE_URL", "s3://bucket//state")));
        assertEquals("prefix in STATESTORE_URL", prefix.getSetting());
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
