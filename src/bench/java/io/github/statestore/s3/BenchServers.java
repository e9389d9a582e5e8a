package io.github.statestore.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;

/**
 * The servers the benchmark suite ({@code io.github.statestore.bench}) measures against, in one JVM: S3Proxy
 * itself, reached directly so that no proxy distorts the numbers, and a {@link FaultProxy} in front of it
 * that adds a fixed latency to every request, as a remote S3 would. Unlike {@link S3Server#endpoint()},
 * neither endpoint serializes the writes of one object, so conditional writes are not atomic here; the
 * suite measures none. Thread-safe.
 */
public final class BenchServers implements AutoCloseable {
    private final FaultProxy slow;

    private BenchServers(FaultProxy slow) {
        this.slow = slow;
    }

    /**
     * Starts S3Proxy (once per JVM) and a latency proxy in front of it.
     *
     * @param latency the time the proxy adds to every request
     * @return the running servers; close them to stop the proxy
     */
    public static BenchServers start(Duration latency) {
        FaultProxy proxy = FaultProxy.toS3Server();
        proxy.latency(latency);
        return new BenchServers(proxy);
    }

    /** @return S3Proxy's own {@code http://127.0.0.1:<port>} endpoint */
    public URI direct() {
        return S3Server.s3ProxyEndpoint();
    }

    /** @return the latency proxy's {@code http://127.0.0.1:<port>} endpoint */
    public URI slow() {
        return slow.endpoint();
    }

    /** @return the most requests the latency proxy has held at once */
    public int slowMaxInFlight() {
        return slow.maxInFlight();
    }

    @Override
    public void close() {
        try {
            slow.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
