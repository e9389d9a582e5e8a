package io.github.statestore.r2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.statestore.HistoryPolicy;
import io.github.statestore.Lease;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.Version;
import io.github.statestore.contract.StateStoreContract;
import io.github.statestore.s3.RecordingProxy;
import io.github.statestore.s3.RecordingProxy.Request;
import io.github.statestore.s3.S3Server;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite on the R2 backend, its endpoint pointed at a real S3 API server (S3Proxy); and, on
 * the wire, that R2 requests carry a checksum only where the S3 API requires one.
 */
class R2StoreIT extends StateStoreContract {
    private static final String ACCOUNT = "0123456789abcdef0123456789abcdef";

    @Override
    protected StoreConfig newConfig() {
        return r2(S3Server.newBucket()).endpoint(S3Server.endpoint()).build();
    }

    @Override
    protected StoreConfig newConfig(HistoryPolicy policy) {
        return r2(S3Server.newBucket()).endpoint(S3Server.endpoint()).history(policy).build();
    }

    @Override
    protected List<String> rawDocumentNames(StoreConfig config, Scope scope) {
        R2Config r2 = (R2Config) config;
        return S3Server.objectNamesUnder(r2.bucket(), r2.prefix(), scope);
    }

    private static R2Config.Builder r2(String bucket) {
        return R2Config.builder()
                .accountId(ACCOUNT)
                .bucket(bucket)
                .accessKeyId(S3Server.ACCESS_KEY)
                .secretAccessKey(S3Server.SECRET_KEY);
    }

    /**
     * R2 rejects some of the SDK's default checksum headers, so an R2 store sends a checksum only where the S3
     * API requires one: of the requests every kind of call makes, only DeleteObjects ({@code clear()}) has one.
     */
    @Test
    void onTheWireOnlyDeleteObjectsCarriesAChecksum() {
        List<Request> requests = requestsOfEveryKindOfCall((bucket, endpoint) -> r2(bucket).endpoint(endpoint).build());
        assertEquals(Set.of("DELETE", "GET", "HEAD", "POST", "PUT"),
                requests.stream().map(Request::method).collect(Collectors.toCollection(TreeSet::new)));
        for (Request r : requests) {
            if (r.method().equals("POST")) {
                assertFalse(checksumHeaders(r).isEmpty(), "DeleteObjects requires a checksum: " + r);
            } else {
                assertEquals(Set.of(), checksumHeaders(r), r.toString());
            }
        }
    }

    /** The same calls through an S3 config that leaves the SDK's checksums on do send them. */
    @Test
    void withTheSdksChecksumsTheSameCallsSendThem() {
        List<Request> requests = requestsOfEveryKindOfCall(
                (bucket, endpoint) -> S3Server.config(bucket).endpoint(endpoint).build());
        List<Request> putsAndObjectGets = requests.stream().filter(r -> r.method().equals("PUT")
                || r.method().equals("GET") && r.path().indexOf('/', 1) > 0).toList();
        assertFalse(putsAndObjectGets.isEmpty());
        for (Request r : putsAndObjectGets) {
            assertFalse(checksumHeaders(r).isEmpty(), r.toString());
        }
    }

    /**
     * Makes every kind of call on a new bucket through a recording proxy.
     *
     * @param config the store config for a bucket and an endpoint
     * @return the requests the proxy saw
     */
    private static List<Request> requestsOfEveryKindOfCall(BiFunction<String, URI, StoreConfig> config) {
        try (RecordingProxy proxy = new RecordingProxy()) {
            StoreConfig c = config.apply(S3Server.newBucket(), proxy.endpoint());
            try (StateStore s = c.open(Scope.of("app", "dev"))) {
                everyKindOfCall(s);
            }
            return proxy.requests();
        }
    }

    /** The headers of a request that carry or announce a checksum of its body, or ask for one of the answer's. */
    private static Set<String> checksumHeaders(Request r) {
        return r.headers().keySet().stream().map(name -> name.toLowerCase(Locale.ROOT))
                .filter(name -> name.startsWith("x-amz-checksum-") || name.equals("x-amz-sdk-checksum-algorithm")
                        || name.equals("x-amz-trailer") || name.equals("content-md5"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Writes, reads, lists, compares-and-sets, locks, deletes and clears. */
    private static void everyKindOfCall(StateStore s) {
        s.set("a", state("a"));
        s.get("a");
        Version v = s.create("b", state("b"));
        v = s.setIf("b", state("b2"), v);
        s.deleteIf("b", v);
        s.getBatch(List.of("a", "missing"));
        s.list();
        s.all();
        try (Lease lease = s.lock("deploy", Duration.ofSeconds(10))) {
            lease.set("c", state("c"));
        }
        s.delete("c");
        s.clear();
    }
}
