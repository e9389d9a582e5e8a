package io.github.statestore.r2;

import io.github.statestore.HistoryPolicy;
import io.github.statestore.InvalidConfigException;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.internal.S3UrlParameters;
import io.github.statestore.s3.RetryPolicy;
import io.github.statestore.s3.S3Config;
import io.github.statestore.s3.S3Credentials;
import io.github.statestore.spi.ScopeDiscovery;
import io.github.statestore.spi.ScopeListing;
import io.github.statestore.spi.StoreUrl;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The Cloudflare R2 backend: the S3 store on R2's endpoint ({@code https://<account>.r2.cloudflarestorage.com},
 * or the EU or FedRAMP one), region {@code auto}, with request checksums only where required (R2 rejects
 * some of the SDK's default checksum headers). Layout and behaviour are the S3 store's.
 *
 * <pre>{@code
 * R2Config config = R2Config.builder()
 *         .accountId("0123456789abcdef0123456789abcdef")
 *         .bucket("my-state")
 *         .accessKeyId(System.getenv("R2_ACCESS_KEY_ID"))
 *         .secretAccessKey(System.getenv("R2_SECRET_ACCESS_KEY"))
 *         .build();
 * }</pre>
 *
 * The built config reports each setting with an accessor of the same name ({@link #accountId()},
 * {@link #bucket()}, …), the keys only as {@link #credentials()}, which show their kind, and the password only
 * as {@link #hasPassword()}. Two configs with the same settings are {@link #equals equal}, whether built by the
 * builder or read from a URL. Immutable and thread-safe; {@link #toString()} never shows a secret.
 */
public final class R2Config implements StoreConfig, ScopeDiscovery {
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9a-f]{32}");
    /** The setting an {@code r2://} URL's missing keys are reported as. */
    private static final String KEY_VARIABLES = "R2_ACCESS_KEY_ID/R2_SECRET_ACCESS_KEY";
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");

    private final String accountId;
    private final Jurisdiction jurisdiction;
    private final S3Config s3;

    private R2Config(String accountId, Jurisdiction jurisdiction, S3Config s3) {
        this.accountId = accountId;
        this.jurisdiction = jurisdiction;
        this.s3 = s3;
    }

    /** {@return a builder; account id, bucket, access key id and secret access key are required} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads an {@code r2://<account id>/<bucket>[/<prefix>/][?param=value&...]} URL. The keys come from
     * {@code R2_ACCESS_KEY_ID} and {@code R2_SECRET_ACCESS_KEY}. Parameters: {@code jurisdiction}
     * ({@code default}, {@code eu}, {@code fedramp}), {@code endpoint}, {@code createBucket},
     * {@code maxConcurrency}, {@code attemptTimeout}, {@code requestTimeout}, {@code maxAttempts},
     * {@code historyVersions} and {@code historyFor} (see {@link HistoryPolicy}). Without a prefix path the
     * prefix is {@value S3Config#DEFAULT_PREFIX}.
     *
     * @param url the parsed URL
     * @return the config
     * @throws InvalidConfigException naming the URL's setting and the part of the URL that is wrong, or, when
     *     a key is missing, the setting {@code R2_ACCESS_KEY_ID/R2_SECRET_ACCESS_KEY}
     */
    public static R2Config fromUrl(StoreUrl url) {
        String path = url.path();
        if (path == null || path.isEmpty()) {
            throw url.fail("needs a bucket: r2://<account id>/<bucket>[/<prefix>/]");
        }
        int slash = path.indexOf('/');
        Builder b = builder();
        url.set("accountId", url.authority(), b::accountId);
        url.set("bucket", slash < 0 ? path : path.substring(0, slash), b::bucket);
        if (slash >= 0) {
            String prefix = path.substring(slash + 1);
            url.set("prefix", prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/", b::prefix);
        }
        String accessKeyId = url.env("R2_ACCESS_KEY_ID");
        String secretAccessKey = url.env("R2_SECRET_ACCESS_KEY");
        if (accessKeyId == null || secretAccessKey == null) {
            String missing = accessKeyId == null ? "R2_ACCESS_KEY_ID" : "R2_SECRET_ACCESS_KEY";
            throw new InvalidConfigException(KEY_VARIABLES, missing + " is unset or blank; the r2:// URL in "
                    + url.setting() + " needs both in the environment");
        }
        b.accessKeyId(accessKeyId).secretAccessKey(secretAccessKey);
        String jurisdiction = url.take("jurisdiction");
        if (jurisdiction != null) {
            b.jurisdiction(parseJurisdiction(jurisdiction, url));
        }
        url.takeUri("endpoint", b::endpoint);
        url.takeBoolean("createBucket", b::createBucket);
        S3UrlParameters.apply(url, b.s3);
        url.finish();
        return b.build();
    }

    private static Jurisdiction parseJurisdiction(String id, StoreUrl url) {
        for (Jurisdiction j : Jurisdiction.values()) {
            if (j.id().equals(id.toLowerCase(Locale.ROOT))) {
                return j;
            }
        }
        throw url.failPart("jurisdiction", "jurisdiction=" + id + " must be default, eu or fedramp");
    }

    /** {@return the Cloudflare account id} */
    public String accountId() {
        return accountId;
    }

    /** {@return the bucket} */
    public String bucket() {
        return s3.bucket();
    }

    /** {@return the prefix every object key starts with} */
    public String prefix() {
        return s3.prefix();
    }

    /** {@return the jurisdiction, {@link Jurisdiction#DEFAULT} unless another was set} */
    public Jurisdiction jurisdiction() {
        return jurisdiction;
    }

    /** {@return the endpoint requests go to: the one set, else the jurisdiction's} */
    public URI endpoint() {
        return s3.endpoint().orElseThrow();
    }

    /**
     * {@return the static credentials made of the access key id and the secret access key} They report their
     * kind, {@link S3Credentials.Kind#STATIC}, never a key.
     */
    public S3Credentials credentials() {
        return s3.credentials();
    }

    /** {@return whether opening a store creates a missing bucket} */
    public boolean createBucket() {
        return s3.createBucket();
    }

    /** {@return how many requests a store runs at once for {@code getBatch} and {@code all}} */
    public int maxConcurrency() {
        return s3.maxConcurrency();
    }

    /** {@return the longest one HTTP attempt may take} */
    public Duration attemptTimeout() {
        return s3.attemptTimeout();
    }

    /** {@return the longest a store call may spend on one request, all its attempts and delays together} */
    public Duration requestTimeout() {
        return s3.requestTimeout();
    }

    /** {@return the retry policy} */
    public RetryPolicy retryPolicy() {
        return s3.retryPolicy();
    }

    /**
     * {@return whether a password was set on this config} Without one, a store takes
     * {@code STATESTORE_PASSWORD}, else {@code ALCHEMY_PASSWORD}, from the environment when it is opened. The
     * password itself is never returned.
     */
    public boolean hasPassword() {
        return s3.hasPassword();
    }

    /** {@return whether and how long stores keep the versions their writes replace} */
    public HistoryPolicy history() {
        return s3.history();
    }

    /**
     * {@return the S3 config this R2 config runs on} It also reports the settings R2 fixes: region
     * {@code auto}, path-style addressing, checksums only when required.
     */
    public S3Config s3Config() {
        return s3;
    }

    /**
     * Lists the common prefixes below this config's prefix, as the S3 config it runs on does.
     *
     * @return the listing
     */
    @Override
    public ScopeListing openScopeListing() {
        return s3.openScopeListing();
    }

    @Override
    public StateStore open(Scope scope) {
        return s3.open(scope);
    }

    /**
     * Two configs are equal when every setting is, as {@link S3Config#equals} compares them: the keys and the
     * password are compared (never shown). {@link #hashCode()} leaves the secrets out.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof R2Config c && c.accountId.equals(accountId) && c.jurisdiction == jurisdiction
                && c.s3.equals(s3);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountId, jurisdiction, s3);
    }

    /**
     * Lists the settings: the keys as their kind and the access key id's first four characters, the password
     * only as set or none.
     */
    @Override
    public String toString() {
        return "R2Config{accountId=" + accountId + ", jurisdiction=" + jurisdiction.id() + ", s3=" + s3 + "}";
    }

    /** Builds an {@link R2Config}; each setter validates at once. Not thread-safe. */
    public static final class Builder {
        private final S3Config.Builder s3 = S3Config.builder().region("auto").pathStyle(true)
                .checksumsWhenRequired(true);
        private String accountId;
        private String bucket;
        private String accessKeyId;
        private String secretAccessKey;
        private Jurisdiction jurisdiction = Jurisdiction.DEFAULT;
        private URI endpoint;

        private Builder() {
        }

        /**
         * Sets the Cloudflare account id.
         *
         * @param accountId the Cloudflare account id, 32 lower-case hex digits (required)
         * @return this builder
         * @throws InvalidConfigException if malformed
         */
        public Builder accountId(String accountId) {
            if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
                throw new InvalidConfigException("accountId", "'" + accountId + "' must be 32 lower-case hex digits"
                        + " (the Cloudflare dashboard shows it)");
            }
            this.accountId = accountId;
            return this;
        }

        /**
         * Sets the bucket.
         *
         * @param bucket the R2 bucket: 3 to 63 lower-case letters, digits and hyphens (required)
         * @return this builder
         * @throws InvalidConfigException if malformed
         */
        public Builder bucket(String bucket) {
            if (bucket == null || !BUCKET.matcher(bucket).matches()) {
                throw new InvalidConfigException("bucket", "'" + bucket + "' must be 3 to 63 lower-case letters, "
                        + "digits and hyphens, starting and ending with a letter or digit");
            }
            this.bucket = bucket;
            return this;
        }

        /**
         * Sets the R2 API token's access key id.
         *
         * @param accessKeyId the R2 API token's access key id (required)
         * @return this builder
         */
        public Builder accessKeyId(String accessKeyId) {
            this.accessKeyId = require("accessKeyId", accessKeyId);
            return this;
        }

        /**
         * Sets the R2 API token's secret access key.
         *
         * @param secretAccessKey the R2 API token's secret access key (required)
         * @return this builder
         */
        public Builder secretAccessKey(String secretAccessKey) {
            this.secretAccessKey = require("secretAccessKey", secretAccessKey);
            return this;
        }

        /**
         * Sets what every object key starts with.
         *
         * @param prefix as {@link S3Config.Builder#prefix(String)}; default {@value S3Config#DEFAULT_PREFIX}
         * @return this builder
         */
        public Builder prefix(String prefix) {
            s3.prefix(prefix);
            return this;
        }

        /**
         * Sets the jurisdiction of the bucket.
         *
         * @param jurisdiction where the bucket's data lives; default {@link Jurisdiction#DEFAULT}
         * @return this builder
         */
        public Builder jurisdiction(Jurisdiction jurisdiction) {
            if (jurisdiction == null) {
                throw new InvalidConfigException("jurisdiction", "must not be null");
            }
            this.jurisdiction = jurisdiction;
            return this;
        }

        /**
         * Replaces R2's endpoint.
         *
         * @param endpoint replaces R2's endpoint, for tests against a local S3 server
         * @return this builder
         */
        public Builder endpoint(URI endpoint) {
            s3.endpoint(endpoint);
            this.endpoint = endpoint;
            return this;
        }

        /**
         * Sets the password of secrets.
         *
         * @param password as {@link S3Config.Builder#password(String)}
         * @return this builder
         */
        public Builder password(String password) {
            s3.password(password);
            return this;
        }

        /**
         * Sets whether and how long stores keep the versions their writes replace.
         *
         * @param history as {@link S3Config.Builder#history(HistoryPolicy)}
         * @return this builder
         */
        public Builder history(HistoryPolicy history) {
            s3.history(history);
            return this;
        }

        /**
         * Sets whether a missing bucket is created.
         *
         * @param createBucket as {@link S3Config.Builder#createBucket(boolean)}
         * @return this builder
         */
        public Builder createBucket(boolean createBucket) {
            s3.createBucket(createBucket);
            return this;
        }

        /**
         * Sets how many requests a store runs at once.
         *
         * @param maxConcurrency as {@link S3Config.Builder#maxConcurrency(int)}
         * @return this builder
         */
        public Builder maxConcurrency(int maxConcurrency) {
            s3.maxConcurrency(maxConcurrency);
            return this;
        }

        /**
         * Sets the longest one HTTP attempt may take.
         *
         * @param attemptTimeout as {@link S3Config.Builder#attemptTimeout(Duration)}
         * @return this builder
         */
        public Builder attemptTimeout(Duration attemptTimeout) {
            s3.attemptTimeout(attemptTimeout);
            return this;
        }

        /**
         * Sets the longest a store call may spend on one request.
         *
         * @param requestTimeout as {@link S3Config.Builder#requestTimeout(Duration)}
         * @return this builder
         */
        public Builder requestTimeout(Duration requestTimeout) {
            s3.requestTimeout(requestTimeout);
            return this;
        }

        /**
         * Sets how transient failures are retried.
         *
         * @param retryPolicy as {@link S3Config.Builder#retryPolicy(RetryPolicy)}
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            s3.retryPolicy(retryPolicy);
            return this;
        }

        /**
         * Builds the config, checking that every required setting was given.
         *
         * @return the config
         * @throws InvalidConfigException naming the first required setting that is missing
         */
        public R2Config build() {
            required("accountId", accountId);
            required("bucket", bucket);
            required("accessKeyId", accessKeyId);
            required("secretAccessKey", secretAccessKey);
            if (endpoint == null) {
                s3.endpoint(URI.create(jurisdiction.endpoint(accountId)));
            }
            S3Config built = s3.bucket(bucket).credentials(S3Credentials.of(accessKeyId, secretAccessKey)).build();
            return new R2Config(accountId, jurisdiction, built);
        }

        private static void required(String setting, String value) {
            if (value == null) {
                throw new InvalidConfigException(setting, "is required");
            }
        }

        private static String require(String setting, String value) {
            if (value == null || value.isBlank()) {
                throw new InvalidConfigException(setting, "must not be blank");
            }
            return value;
        }
    }
}
