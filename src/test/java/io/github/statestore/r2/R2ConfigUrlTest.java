package io.github.statestore.r2;

import static io.github.statestore.r2.R2ConfigTest.ACCESS_KEY;
import static io.github.statestore.r2.R2ConfigTest.ACCOUNT;
import static io.github.statestore.r2.R2ConfigTest.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.InvalidConfigException;
import io.github.statestore.StoreConfig;
import io.github.statestore.s3.RetryPolicy;
import io.github.statestore.s3.S3Credentials;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves {@code r2://<account>/<bucket>/<prefix>} URLs read through {@code StoreConfig.fromEnv}: keys from
 * {@code R2_ACCESS_KEY_ID}/{@code R2_SECRET_ACCESS_KEY}, the prefix rules, jurisdictions, and errors that name
 * {@code STATESTORE_URL} (and the part of it that is wrong) or the missing variables and never show the secret.
 */
class R2ConfigUrlTest {
    private static final String BASE = "r2://" + ACCOUNT + "/my-state";

    private static Map<String, String> env(String url) {
        return Map.of("STATESTORE_URL", url, "R2_ACCESS_KEY_ID", ACCESS_KEY, "R2_SECRET_ACCESS_KEY", SECRET);
    }

    private static R2Config fromEnv(String url) {
        return assertInstanceOf(R2Config.class, StoreConfig.fromEnv(env(url)));
    }

    private static InvalidConfigException rejected(Map<String, String> env, String setting) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> StoreConfig.fromEnv(env));
        assertEquals(setting, e.getSetting(), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        return e;
    }

    @Test
    void accountBucketAndPrefixComeFromTheUrlAndKeysFromTheEnvironment() {
        R2Config c = fromEnv(BASE + "/state");
        assertEquals(ACCOUNT, c.accountId());
        assertEquals("my-state", c.bucket());
        assertEquals("state/", c.prefix());
        assertEquals(S3Credentials.of(ACCESS_KEY, SECRET), c.credentials());
        assertEquals(URI.create("https://" + ACCOUNT + ".r2.cloudflarestorage.com"), c.endpoint());
        assertEquals(Optional.of("auto"), c.s3Config().region());
        assertTrue(c.s3Config().checksumsWhenRequired());
    }

    @Test
    void thePrefixDefaultsToAlchemysAndATrailingSlashMeansNone() {
        assertEquals("alchemy/", fromEnv(BASE).prefix());
        assertEquals("", fromEnv(BASE + "/").prefix());
        assertEquals("a/b/", fromEnv(BASE + "/a/b/").prefix());
    }

    @ParameterizedTest
    @CsvSource({"default,https://" + ACCOUNT + ".r2.cloudflarestorage.com",
        "eu,https://" + ACCOUNT + ".eu.r2.cloudflarestorage.com",
        "EU,https://" + ACCOUNT + ".eu.r2.cloudflarestorage.com",
        "fedramp,https://" + ACCOUNT + ".fedramp.r2.cloudflarestorage.com"})
    void theJurisdictionPicksTheEndpoint(String jurisdiction, String endpoint) {
        R2Config c = fromEnv(BASE + "?jurisdiction=" + jurisdiction);
        assertEquals(URI.create(endpoint), c.endpoint());
        assertEquals(jurisdiction.toLowerCase(), c.jurisdiction().id());
    }

    @Test
    void theSharedParametersApply() {
        R2Config c = fromEnv(BASE + "/?endpoint=http%3A%2F%2F127.0.0.1%3A9000&createBucket=true&maxConcurrency=3"
                + "&maxAttempts=2&attemptTimeout=PT1S&requestTimeout=5000");
        assertEquals(URI.create("http://127.0.0.1:9000"), c.endpoint());
        assertTrue(c.createBucket());
        assertEquals(3, c.maxConcurrency());
        assertEquals(2, c.retryPolicy().maxAttempts());
        assertEquals(Duration.ofSeconds(1), c.attemptTimeout());
        assertEquals(Duration.ofSeconds(5), c.requestTimeout());
    }

    @Test
    void aUrlEqualsTheBuilderConfigWithTheSameSettings() {
        R2Config url = fromEnv(BASE + "/p/?jurisdiction=eu&createBucket=true&maxConcurrency=3&maxAttempts=2"
                + "&attemptTimeout=PT1S&requestTimeout=5000");
        R2Config built = R2Config.builder().accountId(ACCOUNT).bucket("my-state").accessKeyId(ACCESS_KEY)
                .secretAccessKey(SECRET).prefix("p/").jurisdiction(Jurisdiction.EU).createBucket(true)
                .maxConcurrency(3).retryPolicy(RetryPolicy.builder().maxAttempts(2).build())
                .attemptTimeout(Duration.ofSeconds(1)).requestTimeout(Duration.ofSeconds(5)).build();
        assertEquals(built, url);
        assertEquals(built.hashCode(), url.hashCode());
        assertEquals(R2Config.builder().accountId(ACCOUNT).bucket("my-state").accessKeyId(ACCESS_KEY)
                .secretAccessKey(SECRET).build(), fromEnv(BASE));
        assertNotEquals(built, fromEnv(BASE + "/p/?jurisdiction=eu"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"R2_ACCESS_KEY_ID", "R2_SECRET_ACCESS_KEY"})
    void aMissingOrBlankKeyNamesBothVariablesAsTheSetting(String variable) {
        Map<String, String> missing = new HashMap<>(env(BASE));
        missing.remove(variable);
        Map<String, String> blank = new HashMap<>(env(BASE));
        blank.put(variable, " ");
        for (Map<String, String> env : List.of(missing, blank)) {
            InvalidConfigException e = rejected(env, "R2_ACCESS_KEY_ID/R2_SECRET_ACCESS_KEY");
            assertTrue(e.getMessage().contains(variable + " is unset or blank")
                    && e.getMessage().contains("STATESTORE_URL"), e.getMessage());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"?jurisdiction=mars|jurisdiction in STATESTORE_URL",
        "?region=eu|STATESTORE_URL", "?pathStyle=true|STATESTORE_URL", "?maxConcurrency=0|maxConcurrency in STATESTORE_URL",
        "?colour=blue|STATESTORE_URL", "/state?createBucket=maybe|createBucket in STATESTORE_URL",
        "?sse=AES256|STATESTORE_URL", "?endpoint=127.0.0.1:9000|endpoint in STATESTORE_URL",
        "?maxAttempt=3|STATESTORE_URL", "/state/?jurisdiction=eu;createBucket=true|STATESTORE_URL"})
    void malformedUrlsNameTheVariableAndThePart(String suffix, String setting) {
        rejected(env(BASE + suffix), setting);
    }

    @Test
    void aNearMissParameterNameIsAnsweredWithTheKnownOne() {
        InvalidConfigException e = rejected(env(BASE + "?maxAttempt=3"), "STATESTORE_URL");
        assertTrue(e.getMessage().contains("'maxAttempt' (did you mean 'maxAttempts'?)"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"r2://" + ACCOUNT + "|STATESTORE_URL", "r2://" + ACCOUNT + "/|STATESTORE_URL",
        "r2://0123/my-state|accountId in STATESTORE_URL", "r2://" + ACCOUNT + "/My_State|bucket in STATESTORE_URL",
        "r2://" + ACCOUNT + "/my-state//x|prefix in STATESTORE_URL",
        "r2://" + ACCESS_KEY + ":" + SECRET + "@" + ACCOUNT + "/my-state|STATESTORE_URL"})
    void aUrlWithoutAValidAccountAndBucketIsRejected(String url, String setting) {
        rejected(env(url), setting);
    }
}
