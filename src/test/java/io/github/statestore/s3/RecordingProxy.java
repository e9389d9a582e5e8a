package io.github.statestore.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link FaultProxy} in front of the shared {@link S3Server} that forwards every request untouched and
 * records each one's method, path and headers, for tests (of any package) that assert on what goes over the
 * wire. Thread-safe.
 */
public final class RecordingProxy implements AutoCloseable {
    private final FaultProxy proxy = FaultProxy.toS3Server();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    /**
     * One request as the server received it.
     *
     * @param method the HTTP method, such as {@code PUT}
     * @param path the path without the query, such as {@code /bucket/alchemy/app/dev/key}
     * @param headers the headers, by name in any case
     */
    public record Request(String method, String path, Map<String, String> headers) {
        @Override
        public String toString() {
            return method + " " + path + " " + headers.keySet();
        }
    }

    /** Starts a proxy that records every request. */
    public RecordingProxy() {
        proxy.plan(request -> {
            requests.add(new Request(request.method(), request.path(), request.headers()));
            return Fault.NONE;
        });
    }

    /** @return the proxy's {@code http://127.0.0.1:<port>} endpoint */
    public URI endpoint() {
        return proxy.endpoint();
    }

    /** @return the requests received so far, in order */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        try {
            proxy.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
