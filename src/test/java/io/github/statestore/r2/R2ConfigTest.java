package io.github.statestore.r2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.InvalidConfigException;
import io.github.statestore.StoreConfig;
import io.github.statestore.s3.S3Config;
import io.github.statestore.s3.S3ConfigProbe;
import io.github.statestore.s3.S3Credentials;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Proves the R2 config builder: each setter validates at once, the required settings, R2's endpoint per
 * jurisdiction, region {@code auto}, checksums only when required, and no secret in {@code toString()}.
 */
class R2ConfigTest {
    static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
    static final String ACCESS_KEY = "e5f0c3a1b2d4e6f8a0b1c2d3e4f5a6b7";
    static final String SECRET = "9f8e7d6c5b4a39281706f5e4d3c2b1a0ffeeddccbbaa99887766554433221100";

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
        assertEquals(URI.create("https://" + ACCOUNT + ".r2.cloudflarestorage.com"), S3ConfigProbe.endpoint(s3));
        assertEquals("auto", S3ConfigProbe.region(s3));
        assertTrue(S3ConfigProbe.checksumsWhenRequired(s3));
        assertTrue(S3ConfigProbe.pathStyle(s3));
        assertEquals(S3Credentials.of(ACCESS_KEY, SECRET), S3ConfigProbe.credentials(s3));
        assertEquals("my-state", s3.bucket());
        assertEquals("alchemy/", s3.prefix());
        assertEquals(Jurisdiction.DEFAULT, c.jurisdiction());
        assertEquals(ACCOUNT, c.accountId());
    }

    @Test
    void eachJurisdictionHasItsEndpoint() {
        assertEquals(URI.create("https://" + ACCOUNT + ".eu.r2.cloudflarestorage.com"),
                S3ConfigProbe.endpoint(complete().jurisdiction(Jurisdiction.EU).build().s3Config()));
        assertEquals(URI.create("https://" + ACCOUNT + ".fedramp.r2.cloudflarestorage.com"),
                S3ConfigProbe.endpoint(complete().jurisdiction(Jurisdiction.FEDRAMP).build().s3Config()));
        assertEquals(URI.create("https://" + ACCOUNT + ".r2.cloudflarestorage.com"),
                S3ConfigProbe.endpoint(complete().jurisdiction(Jurisdiction.DEFAULT).build().s3Config()));
    }

    @Test
    void anExplicitEndpointWinsOverTheJurisdiction() {
        URI local = URI.create("http://127.0.0.1:9000");
        R2Config c = complete().jurisdiction(Jurisdiction.EU).endpoint(local).build();
        assertEquals(local, S3ConfigProbe.endpoint(c.s3Config()));
        assertEquals("auto", S3ConfigProbe.region(c.s3Config()));
    }

    @Test
    void theSharedS3SettingsPassThrough() {
        R2Config c = complete().prefix("").maxConcurrency(5).createBucket(true).build();
        assertEquals("", c.s3Config().prefix());
        assertEquals(5, c.s3Config().maxConcurrency());
        assertTrue(S3ConfigProbe.createBucket(c.s3Config()));
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
}
