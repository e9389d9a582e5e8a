package io.github.statestore.s3;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 proxy on 127.0.0.1 for tests: it relays each request's exact bytes to a server on 127.0.0.1
 * (so SigV4 signatures, which cover the {@code Host} the client sent, still verify) and injects the
 * {@link Fault} its {@link FaultPlan} picks. It can add a fixed latency to every request, and counts
 * requests seen, faults injected per kind, and the most requests in flight at once. Keep-alive, Content-Length
 * and chunked bodies, and {@code Expect: 100-continue} are handled.
 *
 * <p>It also makes S3Proxy's conditional writes atomic, as S3 documents them: S3Proxy 4.1.0 checks
 * {@code If-Match} and then writes, so of 16 racing {@code If-Match} PUTs up to 11 succeeded (measured here;
 * {@code If-None-Match: *} is atomic). The proxy forwards the writes (PUT, DELETE) of one object one at a
 * time, so the check and the write happen as one step. A {@code DELETE} with {@code If-Match} of an object that
 * does not exist it answers with 404 {@code NoSuchKey} itself, as S3 does (S3Proxy answers 204; see
 * {@link MissingObjects}). Thread-safe.
 */
final class FaultProxy implements AutoCloseable {
    private static final InetAddress LOOPBACK = loopback();

    private final int targetPort;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> objectLocks = new ConcurrentHashMap<>();
    private final MissingObjects missingObjects;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<Fault, AtomicInteger> faults = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile FaultPlan plan = FaultPlan.none();
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration delay = Duration.ofMillis(1500);

    private FaultProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.missingObjects = new MissingObjects(targetPort);
        this.server = new ServerSocket(0, 200, LOOPBACK);
        threads.execute(this::acceptLoop);
    }

    /** @return a proxy in front of the shared {@link S3Server}, forwarding every request untouched */
    static FaultProxy toS3Server() {
        return to(S3Server.s3ProxyEndpoint().getPort());
    }

    /**
     * @param port a server's port on 127.0.0.1
     * @return a proxy in front of it, forwarding every request untouched
     */
    static FaultProxy to(int port) {
        try {
            return new FaultProxy(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the proxy's {@code http://127.0.0.1:<port>} endpoint */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** @return a store config for a bucket of {@link S3Server}, pointed at this proxy */
    S3Config.Builder config(String bucket) {
        return S3Server.config(bucket).endpoint(endpoint());
    }

    /** Sets the plan that picks each request's fault. */
    void plan(FaultPlan plan) {
        this.plan = plan;
    }

    /** Sets the latency added to every request before it is answered, faulted or forwarded. */
    void latency(Duration latency) {
        this.latency = latency;
    }

    /** Sets how long a {@link Fault#DELAY} holds the answer back. */
    void delay(Duration delay) {
        this.delay = delay;
    }

    /** @return the number of requests seen */
    int requests() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** @return the number of requests seen with an HTTP method, such as {@code PUT} */
    int requests(String method) {
        AtomicInteger n = requests.get(method);
        return n == null ? 0 : n.get();
    }

    /** @return how many times a fault was injected */
    int injected(Fault fault) {
        AtomicInteger n = faults.get(fault);
        return n == null ? 0 : n.get();
    }

    /** @return the most requests the proxy held at once, from reading a request's head until answering it */
    int maxInFlight() {
        return maxInFlight.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                clients.add(client);
                threads.execute(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; Upstream upstream = new Upstream()) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = new BufferedOutputStream(client.getOutputStream());
            HttpMessage request;
            while ((request = HttpMessage.readHead(in)) != null) {
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                Reply reply;
                try {
                    reply = handle(request, client, upstream, in, out);
                } finally {
                    inFlight.decrementAndGet();
                }
                if (reply == null) {
                    return;
                }
                out.write(reply.bytes());
                out.flush();
                if (reply.close()) {
                    return;
                }
            }
        } catch (IOException | RuntimeException clientGone) {
            // The client closed or reset the connection, or sent bytes that are not HTTP: drop the connection.
        } finally {
            clients.remove(client);
        }
    }

    /**
     * Reads a request's body and applies its fault. It stops counting as in flight before its reply is
     * written, so that a client never sees more requests in flight than it has itself.
     *
     * @return the reply to write, or {@code null} when the connection was reset
     */
    private Reply handle(HttpMessage request, Socket client, Upstream upstream, InputStream in, OutputStream out)
            throws IOException {
        if ("100-continue".equalsIgnoreCase(request.header("Expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        request.readRequestBody(in);
        requests.computeIfAbsent(request.method(), m -> new AtomicInteger()).incrementAndGet();
        Fault fault = plan.decide(request);
        if (fault.kind() != Fault.Kind.NONE) {
            faults.computeIfAbsent(fault, f -> new AtomicInteger()).incrementAndGet();
        }
        sleep(latency);
        switch (fault.kind()) {
            case RESET_BEFORE -> {
                reset(client);
                return null;
            }
            case ANSWER -> {
                return new Reply(errorResponse(fault, request.method()), request.closes());
            }
            default -> {
                HttpMessage answer = forward(request, upstream);
                if (fault.kind() == Fault.Kind.RESET_AFTER) {
                    reset(client);
                    return null;
                }
                if (fault.kind() == Fault.Kind.DELAY) {
                    sleep(delay);
                }
                return new Reply(answer.bytes(), answer.closes() || request.closes());
            }
        }
    }

    /** An answer to write back, and whether to close the connection after it. */
    private record Reply(byte[] bytes, boolean close) {
    }

    /** Sends a request to the target and reads the whole final answer; writes of one object go one at a time. */
    private HttpMessage forward(HttpMessage request, Upstream upstream) throws IOException {
        if (!"PUT".equals(request.method()) && !"DELETE".equals(request.method())) {
            return upstream.exchange(request);
        }
        synchronized (objectLocks.computeIfAbsent(request.path(), p -> new Object())) {
            if ("DELETE".equals(request.method()) && !request.header("If-Match").isEmpty()
                    && missingObjects.isMissing(request.path())) {
                return noSuchKey();
            }
            return upstream.exchange(request);
        }
    }

    private static HttpMessage noSuchKey() throws IOException {
        InputStream in = new ByteArrayInputStream(errorResponse(Fault.answer(404, "NoSuchKey"), "DELETE"));
        HttpMessage answer = HttpMessage.readHead(in);
        answer.readResponseBody(in, "DELETE");
        return answer;
    }

    /**
     * The connection to the target that serves one client connection, kept open between its requests as
     * HTTP/1.1 keep-alive allows, so that the proxy costs the target no connection per request. Used by
     * that client connection's thread only.
     */
    private final class Upstream implements AutoCloseable {
        private Socket socket;
        private InputStream in;

        /**
         * Sends a request and reads the whole final answer. A kept connection the target has closed meanwhile
         * (an idle timeout) fails before any answer; the request is then sent once more on a new connection.
         */
        HttpMessage exchange(HttpMessage request) throws IOException {
            HttpMessage answer = socket == null ? null : sendOnKept(request);
            if (answer == null) {
                open();
                answer = send(request);
            }
            if (answer == null) {
                close();
                throw new IOException("the target closed the connection without answering");
            }
            if (answer.closes() || request.closes()) {
                close();
            }
            return answer;
        }

        /** @return the final answer on the kept connection, or {@code null} (and closed) when it is gone */
        private HttpMessage sendOnKept(HttpMessage request) throws IOException {
            HttpMessage answer;
            try {
                answer = send(request);
            } catch (IOException closedMeanwhile) {
                answer = null;
            }
            if (answer == null) {
                close();
            }
            return answer;
        }

        /** @return the final answer, or {@code null} when the target closed the connection before answering */
        private HttpMessage send(HttpMessage request) throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(request.bytes());
            out.flush();
            while (true) {
                HttpMessage answer = HttpMessage.readHead(in);
                if (answer == null) {
                    return null;
                }
                answer.readResponseBody(in, request.method());
                if (answer.status() >= 200) {
                    return answer;
                }
            }
        }

        private void open() throws IOException {
            socket = new Socket(LOOPBACK, targetPort);
            in = new BufferedInputStream(socket.getInputStream());
        }

        @Override
        public void close() throws IOException {
            if (socket != null) {
                socket.close();
                socket = null;
            }
        }
    }

    private static byte[] errorResponse(Fault fault, String method) {
        String body = fault.body() != null ? fault.body()
                : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + fault.code()
                + "</Code><Message>Injected by FaultProxy</Message><RequestId>FAULTPROXY</RequestId></Error>";
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + fault.status() + " Injected\r\n"
                + "Content-Type: application/xml\r\n"
                + "Content-Length: " + bodyBytes.length + "\r\n"
                + "x-amz-request-id: FAULTPROXY\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        if ("HEAD".equals(method)) {
            return headBytes;
        }
        byte[] all = new byte[headBytes.length + bodyBytes.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(bodyBytes, 0, all, headBytes.length, bodyBytes.length);
        return all;
    }

    /** Closes with a TCP RST instead of a FIN, as a crashed peer or middlebox would. */
    private static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    private static void sleep(Duration d) throws IOException {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("proxy stopped", e);
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops accepting, drops every open connection and stops the proxy's threads. */
    @Override
    public void close() throws IOException {
        server.close();
        for (Socket client : clients) {
            client.close();
        }
        threads.shutdownNow();
        missingObjects.close();
    }
}
