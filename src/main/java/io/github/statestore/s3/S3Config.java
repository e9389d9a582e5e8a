package io.github.statestore.s3;

import io.github.statestore.HistoryPolicy;
import io.github.statestore.InvalidConfigException;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.internal.Arguments;
import io.github.statestore.internal.Builders;
import io.github.statestore.internal.S3UrlParameters;
import io.github.statestore.spi.BackendStores;
import io.github.statestore.spi.ScopeDiscovery;
import io.github.statestore.spi.ScopeListing;
import io.github.statestore.spi.StoreUrl;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The Amazon S3 backend (and any S3-compatible server): objects at {@code <prefix><scope>/<encoded key>},
 * Alchemy's layout, {@code Content-Type: application/json}.
 *
 * <pre>{@code
 * S3Config config = S3Config.builder()
 *         .bucket("my-state")
 *         .region("eu-west-1")
 *         .build();
 * }</pre>
 *
 * Every option and its default is listed on the builder's setters and in {@code docs/s3.md}; the built
 * config reports each setting with an accessor of the same name ({@link #bucket()}, {@link #region()}, …),
 * the password only as {@link #hasPassword()}. Two configs with the same settings are {@link #equals equal},
 * whether built by the builder or read from a URL. Immutable and thread-safe; {@link #toString()} never shows
 * a secret.
 */
public final class S3Config implements StoreConfig, ScopeDiscovery {
    /** The default prefix, Alchemy's. */
    public static final String DEFAULT_PREFIX = "alchemy/";
    /**
     * The default {@code maxConcurrency}: at 20 ms per request, 1,000 keys are five rounds of requests,
     * measured at 135 to 200 ms, where 32 at once took 680 to 810 ms; chosen from the measurements in
     * {@code docs/performance.md}.
     */
    public static final int DEFAULT_MAX_CONCURRENCY = 200;
    /** The region used when none is set and the AWS region chain finds none. */
    public static final String FALLBACK_REGION = "us-east-1";
    private static final Pattern REGION = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    final String bucket;
    final String region;
    final String prefix;
    final URI endpoint;
    final boolean pathStyle;
    final S3Credentials credentials;
    final boolean createBucket;
    final int maxConcurrency;
    final Duration attemptTimeout;
    final Duration requestTimeout;
    final RetryPolicy retryPolicy;
    final ServerSideEncryption serverSideEncryption;
    final boolean checksumsWhenRequired;
    final S3Client client;
    final String password;
    final HistoryPolicy history;

    private S3Config(Builder b) {
        this.bucket = b.bucket;
        this.region = b.region;
        this.prefix = b.prefix;
        this.endpoint = b.endpoint;
        this.pathStyle = b.pathStyle;
        this.credentials = b.credentials;
        this.createBucket = b.createBucket;
        this.maxConcurrency = b.maxConcurrency;
        this.attemptTimeout = b.attemptTimeout;
        this.requestTimeout = b.requestTimeout;
        this.retryPolicy = b.retryPolicy;
        this.serverSideEncryption = b.serverSideEncryption;
        this.checksumsWhenRequired = b.checksumsWhenRequired;
        this.client = b.client;
        this.password = b.password;
        this.history = b.history;
    }

    /** {@return a builder with every default set; {@code bucket} is required} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads an {@code s3://bucket[/prefix/][?param=value&...]} URL. Without a path the prefix is
     * {@value #DEFAULT_PREFIX}; a path of {@code /} means no prefix; any other path is the prefix (a missing
     * trailing {@code /} is added). Parameters: {@code region}, {@code endpoint}, {@code pathStyle},
     * {@code checksumsWhenRequired}, {@code profile}, {@code createBucket}, {@code maxConcurrency}, {@code attemptTimeout},
     * {@code requestTimeout} (milliseconds or ISO-8601), {@code maxAttempts}, {@code sse} ({@code AES256} or
     * {@code aws:kms}), {@code kmsKeyId}, {@code historyVersions} and {@code historyFor} (milliseconds or
     * ISO-8601, see {@link HistoryPolicy}). Credentials come from the AWS default chain or the profile.
     *
     * @param url the parsed URL
     * @return the config
     * @throws InvalidConfigException naming the URL's setting, and the part of the URL that is wrong
     */
    public static S3Config fromUrl(StoreUrl url) {
        Builder b = builder();
        url.set("bucket", url.authority(), b::bucket);
        String path = url.path();
        if (path != null) {
            url.set("prefix", path.isEmpty() || path.endsWith("/") ? path : path + "/", b::prefix);
        }
        url.take("region", b::region);
        url.takeUri("endpoint", b::endpoint);
        url.takeBoolean("pathStyle", b::pathStyle);
        url.takeBoolean("checksumsWhenRequired", b::checksumsWhenRequired);
        url.take("profile", profile -> b.credentials(S3Credentials.profile(profile)));
        url.takeBoolean("createBucket", b::createBucket);
        S3UrlParameters.apply(url, b);
        String sse = url.take("sse");
        String kmsKeyId = url.take("kmsKeyId");
        if ("AES256".equals(sse) && kmsKeyId == null) {
            b.serverSideEncryption(ServerSideEncryption.aes256());
        } else if ("aws:kms".equals(sse)) {
            url.set("kmsKeyId", kmsKeyId, id -> b.serverSideEncryption(ServerSideEncryption.kms(id)));
        } else if (sse != null || kmsKeyId != null) {
            throw url.failPart("sse", "needs sse=AES256, or sse=aws:kms with an optional kmsKeyId");
        }
        url.finish();
        return b.build();
    }

    /**
     * Lists the common prefixes below this config's prefix with the {@code /} delimiter, through a client of
     * its own that the listing closes.
     *
     * @return the listing
     */
    @Override
    public ScopeListing openScopeListing() {
        return new S3Scopes(this);
    }

    /** {@return the bucket} */
    public String bucket() {
        return bucket;
    }

    /**
     * {@return the region as set; empty when none was, and a store then takes the AWS region chain's
     * ({@code AWS_REGION}, profile), else {@value #FALLBACK_REGION}, when it is opened}
     */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    /** {@return the prefix every object key starts with} */
    public String prefix() {
        return prefix;
    }

    /** {@return the S3-compatible endpoint as set; empty for AWS's endpoint of the region} */
    public Optional<URI> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    /** {@return whether requests address the bucket in the path ({@code host/bucket/key})} */
    public boolean pathStyle() {
        return pathStyle;
    }

    /**
     * {@return where credentials come from: {@link S3Credentials#defaultChain()} unless others were set} They
     * report their kind, never a key.
     */
    public S3Credentials credentials() {
        return credentials;
    }

    /** {@return whether opening a store creates a missing bucket} */
    public boolean createBucket() {
        return createBucket;
    }

    /** {@return how many requests a store runs at once for {@code getBatch} and {@code all}} */
    public int maxConcurrency() {
        return maxConcurrency;
    }

    /** {@return the longest one HTTP attempt may take} */
    public Duration attemptTimeout() {
        return attemptTimeout;
    }

    /** {@return the longest a store call may spend on one request, all its attempts and delays together} */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** {@return the retry policy} */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** {@return how written objects are encrypted at rest; {@link ServerSideEncryption#none()} by default} */
    public ServerSideEncryption serverSideEncryption() {
        return serverSideEncryption;
    }

    /** {@return whether checksums are sent and checked only where S3 requires them} */
    public boolean checksumsWhenRequired() {
        return checksumsWhenRequired;
    }

    /** {@return whether and how long stores keep the versions their writes replace} */
    public HistoryPolicy history() {
        return history;
    }

    /** {@return the caller's own client, if one was set; empty when each store builds its own} */
    public Optional<S3Client> client() {
        return Optional.ofNullable(client);
    }

    /**
     * {@return whether a password was set on this config} Without one, a store takes
     * {@code STATESTORE_PASSWORD}, else {@code ALCHEMY_PASSWORD}, from the environment when it is opened. The
     * password itself is never returned.
     */
    public boolean hasPassword() {
        return password != null;
    }

    /**
     * Opens a store for one scope. With {@code createBucket} on, this checks the bucket at once (one listing
     * of at most one key) and creates it when it is missing, so that whatever the store's first call is, the
     * bucket is there; a bucket that another store or process creates at the same moment counts as created.
     * Otherwise nothing is sent until the store's first call.
     *
     * @param scope the scope
     * @return a new store; close it when done
     * @throws io.github.statestore.StateStoreException with {@code createBucket} on, when the bucket can be
     *     neither found nor created (such as {@link io.github.statestore.AccessDeniedException})
     */
    @Override
    public StateStore open(Scope scope) {
        S3Layout layout = new S3Layout(prefix, Arguments.notNull(scope, "scope"));
        S3Backend backend = new S3Backend(S3Clients.retrying(this), layout, this);
        if (createBucket) {
            try {
                backend.init();
            } catch (RuntimeException e) {
                backend.close();
                throw e;
            }
        }
        return BackendStores.open(scope, backend, password, history);
    }

    /**
     * Two configs are equal when every setting is: the password and the credentials' keys are compared (never
     * shown), and a caller's own {@link S3Client} by identity. {@link #hashCode()} leaves the secrets out.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof S3Config c && c.bucket.equals(bucket) && Objects.equals(c.region, region)
                && c.prefix.equals(prefix) && Objects.equals(c.endpoint, endpoint) && c.pathStyle == pathStyle
                && c.credentials.equals(credentials) && c.createBucket == createBucket
                && c.maxConcurrency == maxConcurrency && c.attemptTimeout.equals(attemptTimeout)
                && c.requestTimeout.equals(requestTimeout) && c.retryPolicy.equals(retryPolicy)
                && c.serverSideEncryption.equals(serverSideEncryption)
                && c.checksumsWhenRequired == checksumsWhenRequired && c.client == client
                && Objects.equals(c.password, password) && c.history.equals(history);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bucket, region, prefix, endpoint, pathStyle, credentials, createBucket, maxConcurrency,
                attemptTimeout, requestTimeout, retryPolicy, serverSideEncryption, checksumsWhenRequired,
                System.identityHashCode(client), history);
    }

    /** Lists every setting; credentials show their kind only, never a secret, and the password only whether set. */
    @Override
    public String toString() {
        return "S3Config{bucket=" + bucket + ", region=" + region + ", prefix=" + prefix + ", endpoint=" + endpoint
                + ", pathStyle=" + pathStyle + ", credentials=" + credentials + ", createBucket=" + createBucket
                + ", maxConcurrency=" + maxConcurrency + ", attemptTimeout=" + attemptTimeout + ", requestTimeout="
                + requestTimeout + ", retryPolicy=" + retryPolicy + ", serverSideEncryption=" + serverSideEncryption
                + ", checksumsWhenRequired=" + checksumsWhenRequired + (client == null ? "" : ", client=caller's")
                + ", password=" + (password == null ? "none" : "set")
                + (history.enabled() ? ", history=" + history : "") + "}";
    }

    /** Builds an {@link S3Config}; each setter validates at once, {@link #build()} the rules between them. */
    public static final class Builder {
        private String bucket;
        private String region;
        private String prefix = DEFAULT_PREFIX;
        private URI endpoint;
        private boolean pathStyle;
        private S3Credentials credentials = S3Credentials.defaultChain();
        private boolean credentialsSet;
        private boolean attemptTimeoutSet;
        private boolean createBucket;
        private int maxConcurrency = DEFAULT_MAX_CONCURRENCY;
        private Duration attemptTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private ServerSideEncryption serverSideEncryption = ServerSideEncryption.none();
        private boolean checksumsWhenRequired;
        private S3Client client;
        private String password;
        private HistoryPolicy history = HistoryPolicy.off();

        private Builder() {
        }

        /**
         * Sets the bucket.
         *
         * @param bucket the bucket, following S3's naming rules (required)
         * @return this builder
         * @throws InvalidConfigException naming the rule the name breaks
         */
        public Builder bucket(String bucket) {
            this.bucket = BucketNames.validate(bucket);
            return this;
        }

        /**
         * Sets the region.
         *
         * @param region such as {@code eu-west-1}: 1 to 63 lower-case letters, digits and hyphens, starting and
         *     ending with a letter or digit (the shape of every AWS region, and of the custom regions of
         *     S3-compatible servers, such as {@code auto} or {@code garage}); default: the AWS region chain
         *     ({@code AWS_REGION}, profile), else {@value S3Config#FALLBACK_REGION}
         * @return this builder
         * @throws InvalidConfigException if blank or of another shape
         */
        public Builder region(String region) {
            if (region == null || region.isBlank()) {
                throw new InvalidConfigException("region", "must not be blank");
            }
            if (!REGION.matcher(region).matches()) {
                throw new InvalidConfigException("region", "'" + region + "' is not a region name: 1 to 63 "
                        + "lower-case letters, digits and '-', starting and ending with a letter or digit, such as "
                        + "eu-west-1");
            }
            this.region = region;
            return this;
        }

        /**
         * Sets what every object key starts with.
         *
         * @param prefix what every object key starts with: empty, or ending in {@code /} and not starting with
         *     it; default {@value S3Config#DEFAULT_PREFIX}
         * @return this builder
         * @throws InvalidConfigException if malformed
         */
        public Builder prefix(String prefix) {
            if (prefix == null || (!prefix.isEmpty() && (!prefix.endsWith("/") || prefix.startsWith("/")
                    || prefix.contains("//")))) {
                throw new InvalidConfigException("prefix", "'" + prefix + "' must be empty or end with '/', and "
                        + "must not start with '/' or contain '//'");
            }
            this.prefix = prefix;
            return this;
        }

        /**
         * Sets the endpoint of an S3-compatible server.
         *
         * @param endpoint an S3-compatible endpoint such as {@code http://127.0.0.1:9000} (MinIO, LocalStack,
         *     S3Proxy); default: AWS's endpoint for the region
         * @return this builder
         * @throws InvalidConfigException unless an absolute http or https URI; one without a scheme (such as
         *     {@code 127.0.0.1:9000}) is told to add {@code http://}
         */
        public Builder endpoint(URI endpoint) {
            if (endpoint != null && !endpoint.toString().contains("://")) {
                throw new InvalidConfigException("endpoint", "'" + endpoint + "' has no scheme; add http:// (or "
                        + "https://), as in http://" + endpoint);
            }
            if (endpoint == null || endpoint.getHost() == null
                    || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
                throw new InvalidConfigException("endpoint", "'" + endpoint + "' must be an http:// or https:// URL "
                        + "with a host");
            }
            this.endpoint = endpoint;
            return this;
        }

        /**
         * Sets whether the bucket is addressed in the path.
         *
         * @param pathStyle {@code true} to address the bucket in the path ({@code host/bucket/key}), as most
         *     S3-compatible servers need; default {@code false} (virtual-hosted style)
         * @return this builder
         */
        public Builder pathStyle(boolean pathStyle) {
            this.pathStyle = pathStyle;
            return this;
        }

        /**
         * Sets where credentials come from.
         *
         * @param credentials where credentials come from; default {@link S3Credentials#defaultChain()}
         * @return this builder
         * @throws InvalidConfigException if null
         */
        public Builder credentials(S3Credentials credentials) {
            if (credentials == null) {
                throw new InvalidConfigException("credentials", "must not be null");
            }
            this.credentials = credentials;
            this.credentialsSet = true;
            return this;
        }

        /**
         * Sets whether a missing bucket is created.
         *
         * @param createBucket {@code true} to create the bucket when it is missing: each store checks it when it
         *     is opened (see {@link S3Config#open}); default {@code false}
         * @return this builder
         */
        public Builder createBucket(boolean createBucket) {
            this.createBucket = createBucket;
            return this;
        }

        /**
         * Sets how many requests a store runs at once.
         *
         * @param maxConcurrency requests a store runs at once for {@code getBatch} and {@code all}, and the
         *     HTTP connection pool's size (of a client this config builds); 1 to 1,000, default
         *     {@value S3Config#DEFAULT_MAX_CONCURRENCY}
         * @return this builder
         * @throws InvalidConfigException if out of range
         */
        public Builder maxConcurrency(int maxConcurrency) {
            if (maxConcurrency < 1 || maxConcurrency > 1000) {
                throw new InvalidConfigException("maxConcurrency", "must be 1 to 1000, was " + maxConcurrency);
            }
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        /**
         * Sets the longest one HTTP attempt may take.
         *
         * @param attemptTimeout the longest one HTTP attempt may take before it is abandoned (and retried);
         *     default 10 s
         * @return this builder
         * @throws InvalidConfigException unless positive
         */
        public Builder attemptTimeout(Duration attemptTimeout) {
            this.attemptTimeout = positive("attemptTimeout", attemptTimeout);
            this.attemptTimeoutSet = true;
            return this;
        }

        /**
         * Sets the longest a store call may spend on one request.
         *
         * @param requestTimeout the longest a store call may spend on one request across all its attempts and
         *     backoff delays: a retry starts only if it can end, after a whole {@code attemptTimeout}, within
         *     it; default 30 s
         * @return this builder
         * @throws InvalidConfigException unless positive
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = positive("requestTimeout", requestTimeout);
            return this;
        }

        /**
         * Sets how transient failures are retried.
         *
         * @param retryPolicy how transient failures are retried; default {@link RetryPolicy#defaults()}
         * @return this builder
         * @throws InvalidConfigException if null
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            if (retryPolicy == null) {
                throw new InvalidConfigException("retryPolicy", "must not be null");
            }
            this.retryPolicy = retryPolicy;
            return this;
        }

        /**
         * Sets how written objects are encrypted at rest.
         *
         * @param serverSideEncryption how written objects are encrypted at rest; default
         *     {@link ServerSideEncryption#none()} (the bucket's default applies)
         * @return this builder
         * @throws InvalidConfigException if null
         */
        public Builder serverSideEncryption(ServerSideEncryption serverSideEncryption) {
            if (serverSideEncryption == null) {
                throw new InvalidConfigException("serverSideEncryption", "must not be null");
            }
            this.serverSideEncryption = serverSideEncryption;
            return this;
        }

        /**
         * Sets whether request checksums are sent only where S3 requires them.
         *
         * @param checksumsWhenRequired {@code true} to send and check request checksums only where S3 requires
         *     them, as Cloudflare R2 and some S3-compatible servers need; default {@code false} (the SDK's
         *     default: always)
         * @return this builder
         */
        public Builder checksumsWhenRequired(boolean checksumsWhenRequired) {
            this.checksumsWhenRequired = checksumsWhenRequired;
            return this;
        }

        /**
         * Sets the password of secrets.
         *
         * @param password encrypts and decrypts secrets; default: {@code STATESTORE_PASSWORD}, else
         *     {@code ALCHEMY_PASSWORD}, else none
         * @return this builder
         * @throws InvalidConfigException if empty
         */
        public Builder password(String password) {
            this.password = Builders.password(password);
            return this;
        }

        /**
         * Sets whether and how long stores keep the versions their writes replace, as objects under
         * {@code <prefix>%!history/<scope>/}, outside every scope's prefix (see the history page of the
         * documentation).
         *
         * @param history the policy; default {@link HistoryPolicy#off()}
         * @return this builder
         * @throws InvalidConfigException naming {@code history} if null
         */
        public Builder history(HistoryPolicy history) {
            this.history = Builders.history(history);
            return this;
        }

        /**
         * Uses the caller's own client instead of one built from these settings. The store does not close it.
         * Build it with the SDK's retries off ({@code RetryMode}/{@code retryStrategy} with one attempt) so
         * that only this config's {@link #retryPolicy(RetryPolicy)} applies.
         *
         * @param client the client
         * @return this builder
         * @throws InvalidConfigException if null
         */
        public Builder client(S3Client client) {
            if (client == null) {
                throw new InvalidConfigException("client", "must not be null");
            }
            this.client = client;
            return this;
        }

        /**
         * Builds the config, checking the settings against each other.
         *
         * @return the config
         * @throws InvalidConfigException if the bucket is missing, or a client is given together with settings
         *     only a built client uses (region, endpoint, pathStyle, credentials, checksumsWhenRequired,
         *     attemptTimeout)
         */
        public S3Config build() {
            if (bucket == null) {
                throw new InvalidConfigException("bucket", "is required");
            }
            if (client != null && (region != null || endpoint != null || pathStyle || credentialsSet
                    || checksumsWhenRequired || attemptTimeoutSet)) {
                throw new InvalidConfigException("client", "a caller's client already has its region, endpoint, "
                        + "path style, credentials, checksum settings and attempt timeout; do not set them too");
            }
            return new S3Config(this);
        }

        private static Duration positive(String setting, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new InvalidConfigException(setting, "must be positive, was " + d);
            }
            return d;
        }
    }
}
