package io.github.statestore.r2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.InvalidConfigException;
import io.github.statestore.StoreConfig;
import io.github.statestore.s3.S3Config;
import io.github.statestore.s3.RetryPolicy;
import io.github.statestore.s3.S3Credentials;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Proves the R2 config builder: each setter validates at once, the required settings, R2's endpoint per
 * jurisdiction, region {@code auto}, checksums only when required; that the config reports each setting, is
 * equal to one built the same way and to no other, and shows no secret in {@code toString()}.
 */
class R2ConfigTest {
    static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
    static final String ACCESS_KEY = "e5f0c3a1b2d4e6f8a0b1c2d3e4f5a6b7";
    static final String SECRET = "9f8e7d6c5b4a39281706f5e4d3c2b1a0ffeeddccbbaa99887766554433221100";
    private static final String PASSWORD = "pw-Zq7rX4-never-printed";

    private static R2Config.Builder complete() {
        return R2Config.builder().accountId(ACCOUNT).bucket("my-state").accessKeyId(ACCESS_KEY)
                .secretAccessKey(SECRET);
    }

    private static void rejects(String setting, Executable call) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, call);
        assertEquals(setting, e.getSetting(), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    private static void rejects(String setting, Consumer<R2Config.Builder> setter) {
        rejects(setting, () -> setter.accept(R2Config.builder()));
    }

    @Test
    void everySetterValidatesAtOnce() {
        rejects("accountId", b -> b.accountId(null));
        rejects("accountId", b -> b.accountId(ACCOUNT.toUpperCase()));
        rejects("accountId", b -> b.accountId(ACCOUNT.substring(1)));
        rejects("accountId", b -> b.accountId(ACCOUNT + "0"));
        rejects("bucket", b -> b.bucket(null));
        rejects("bucket", b -> b.bucket("ab"));
        rejects("bucket", b -> b.bucket("my.state"));
        rejects("bucket", b -> b.bucket("My-State"));
        rejects("bucket", b -> b.bucket("-state"));
        rejects("accessKeyId", b -> b.accessKeyId(" "));
        rejects("secretAccessKey", b -> b.secretAccessKey(null));
        rejects("prefix", b -> b.prefix("state"));
        rejects("jurisdiction", b -> b.jurisdiction(null));
        rejects("endpoint", b -> b.endpoint(URI.create("ftp://host")));
        rejects("maxConcurrency", b -> b.maxConcurrency(0));
        rejects("attemptTimeout", b -> b.attemptTimeout(Duration.ZERO));
        rejects("requestTimeout", b -> b.requestTimeout(null));
        rejects("retryPolicy", b -> b.retryPolicy(null));
    }

    @Test
    void eachRequiredSettingIsNamedWhenMissing() {
        rejects("accountId", () -> R2Config.builder().bucket("my-state").accessKeyId(ACCESS_KEY)
                .secretAccessKey(SECRET).build());
        rejects("bucket", () -> R2Config.builder().accountId(ACCOUNT).accessKeyId(ACCESS_KEY)
                .secretAccessKey(SECRET).build());
        rejects("accessKeyId", () -> R2Config.builder().accountId(ACCOUNT).bucket("my-state")
                .secretAccessKey(SECRET).build());
        rejects("secretAccessKey", () -> R2Config.builder().accountId(ACCOUNT).bucket("my-state")
                .accessKeyId(ACCESS_KEY).build());
    }

    @Test
    void defaultsAreR2sEndpointRegionAutoAndChecksumsOnlyWhenRequired() {
        R2Config c = complete().build();
        S3Config s3 = c.s3Config();
        assertEquals(URI.create("https://" + ACCOUNT + ".r2.cloudflarestorage.com"), c.endpoint());
        assertEquals(Optional.of(c.endpoint()), s3.endpoint());
        assertEquals(Optional.of("auto"), s3.region());
        assertTrue(s3.checksumsWhenRequired());
        assertTrue(s3.pathStyle());
        assertEquals(S3Credentials.of(ACCESS_KEY, SECRET), c.credentials());
        assertEquals(S3Credentials.Kind.STATIC, c.credentials().kind());
        assertEquals("my-state", c.bucket());
        assertEquals("alchemy/", c.prefix());
        assertEquals(Jurisdiction.DEFAULT, c.jurisdiction());
        assertEquals(ACCOUNT, c.accountId());
        assertFalse(c.createBucket());
        assertEquals(200, c.maxConcurrency());
        assertEquals(Duration.ofSeconds(10), c.attemptTimeout());
        assertEquals(Duration.ofSeconds(30), c.requestTimeout());
        assertEquals(RetryPolicy.defaults(), c.retryPolicy());
        assertFalse(c.hasPassword());
    }

    @Test
    void eachSettingIsReportedAsItWasSet() {
        R2Config c = complete().prefix("p/").jurisdiction(Jurisdiction.EU).createBucket(true).maxConcurrency(7)
                .attemptTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofMinutes(1))
                .retryPolicy(RetryPolicy.none()).password(PASSWORD).build();
        assertEquals("p/", c.prefix());
        assertEquals(Jurisdiction.EU, c.jurisdiction());
        assertEquals(URI.create("https://" + ACCOUNT + ".eu.r2.cloudflarestorage.com"), c.endpoint());
        assertTrue(c.createBucket());
        assertEquals(7, c.maxConcurrency());
        assertEquals(Duration.ofSeconds(2), c.attemptTimeout());
        assertEquals(Duration.ofMinutes(1), c.requestTimeout());
        assertEquals(RetryPolicy.none(), c.retryPolicy());
        assertTrue(c.hasPassword());
        assertEquals(URI.create("http://127.0.0.1:9000"),
                complete().endpoint(URI.create("http://127.0.0.1:9000")).build().endpoint());
    }

    @Test
    void configsBuiltWithTheSameSettingsAreEqualAndDifferInEverySetting() {
        List<Consumer<R2Config.Builder>> settings = List.of(b -> { }, b -> b.accountId(ACCOUNT.replace('0', '1')),
                b -> b.bucket("other-state"), b -> b.accessKeyId(ACCESS_KEY + "x"),
                b -> b.secretAccessKey(SECRET + "x"), b -> b.prefix(""), b -> b.jurisdiction(Jurisdiction.EU),
                b -> b.endpoint(URI.create("http://127.0.0.1:9000")),
                b -> b.createBucket(true), b -> b.maxConcurrency(7), b -> b.attemptTimeout(Duration.ofSeconds(1)),
                b -> b.requestTimeout(Duration.ofMinutes(1)), b -> b.retryPolicy(RetryPolicy.none()),
                b -> b.password(PASSWORD), b -> b.password(PASSWORD + "x"));
        for (int i = 0; i < settings.size(); i++) {
            R2Config c = build(settings.get(i));
            assertEquals(c, build(settings.get(i)), "setting " + i);
            assertEquals(c.hashCode(), build(settings.get(i)).hashCode(), "setting " + i);
            for (int j = 0; j < settings.size(); j++) {
                if (i != j) {
                    assertNotEquals(c, build(settings.get(j)), "settings " + i + " and " + j);
                }
            }
        }
    }

    private static R2Config build(Consumer<R2Config.Builder> setting) {
        R2Config.Builder b = complete();
        setting.accept(b);
        return b.build();
    }

    @Test
    void eachJurisdictionHasItsEndpoint() {
        assertEquals(URI.create("https://" + ACCOUNT + ".eu.r2.cloudflarestorage.com"),
                complete().jurisdiction(Jurisdiction.EU).build().endpoint());
        assertEquals(URI.create("https://" + ACCOUNT + ".fedramp.r2.cloudflarestorage.com"),
                complete().jurisdiction(Jurisdiction.FEDRAMP).build().endpoint());
        assertEquals(URI.create("https://" + ACCOUNT + ".r2.cloudflarestorage.com"),
                complete().jurisdiction(Jurisdiction.DEFAULT).build().endpoint());
    }

    @Test
    void anExplicitEndpointWinsOverTheJurisdiction() {
        URI local = URI.create("http://127.0.0.1:9000");
        R2Config c = complete().jurisdiction(Jurisdiction.EU).endpoint(local).build();
        assertEquals(local, c.endpoint());
        assertEquals(Optional.of("auto"), c.s3Config().region());
    }

    @Test
    void theSharedS3SettingsPassThrough() {
        R2Config c = complete().prefix("").maxConcurrency(5).createBucket(true).build();
        assertEquals("", c.s3Config().prefix());
        assertEquals(5, c.s3Config().maxConcurrency());
        assertTrue(c.s3Config().createBucket());
    }

    @Test
    void toStringNeverShowsTheSecretNorTheWholeAccessKeyId() {
        String text = complete().build().toString();
        assertFalse(text.contains(SECRET), text);
        assertFalse(text.contains(SECRET.substring(0, 8)), text);
        assertFalse(text.contains(ACCESS_KEY), text);
        assertTrue(text.contains(ACCOUNT) && text.contains("jurisdiction=default"), text);
        assertInstanceOf(StoreConfig.class, complete().build());
    }

    @Test
    void toStringListsTheSettingsButNeverThePassword() {
        String text = complete().prefix("p/").createBucket(true).maxConcurrency(7).password(PASSWORD).build()
                .toString();
        assertFalse(text.contains(PASSWORD), text);
        assertFalse(text.contains(SECRET.substring(0, 8)), text);
        for (String setting : List.of("accountId=" + ACCOUNT, "bucket=my-state", "prefix=p/",
                "endpoint=https://" + ACCOUNT + ".r2.cloudflarestorage.com", "region=auto",
                "credentials=static(e5f0…)",
                "createBucket=true", "maxConcurrency=7", "password=set")) {
            assertTrue(text.contains(setting), setting + " in " + text);
        }
    }
}
