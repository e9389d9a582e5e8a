package io.github.statestore.bench.memorys3;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal S3-compatible endpoint held in memory, on loopback, that answers every request a fixed time
 * after it arrived and spends almost no CPU meanwhile: an S3 that, like the real one, answers after its
 * latency however many requests are in flight, so that a benchmark against it measures the client. It is
 * a subset of S3, written for the benchmark suite and tested against the AWS SDK for Java
 * ({@code MemoryS3Test}); {@link S3Api} lists what it answers, and it answers anything else
 * {@code 501 NotImplemented}. It checks no signature and no credentials.
 *
 * <p>Two endpoints share the data: {@link #endpoint()} adds the latency, {@link #direct()} adds none (for
 * seeding and JIT warm-up). Requests are parsed and answered on a few worker threads as they arrive (the
 * JDK's {@code com.sun.net.httpserver}, one selector thread for all connections); the answer is then held,
 * without a thread waiting on it, until its request is {@code latency} old, and sent. So a thousand requests
 * in flight cost a thousand scheduled tasks, not a thousand threads. The JDK server's limit of idle
 * connections is raised to 2,000 and {@code TCP_NODELAY} set, through its system properties, before the
 * first server starts. Thread-safe.
 */
public final class MemoryS3 implements AutoCloseable {
    private static final int WORKERS = 4;
    private static final int BACKLOG = 4096;

    private final S3Api api = new S3Api();
    private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS, daemon("memory-s3-worker"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("memory-s3-timer"));
    private final AtomicLong requests = new AtomicLong();
    private final HttpServer slow;
    private final HttpServer direct;
    private final long latencyNanos;

    private MemoryS3(Duration latency) throws IOException {
        System.setProperty("sun.net.httpserver.maxIdleConnections",
                System.getProperty("sun.net.httpserver.maxIdleConnections", "2000"));
        System.setProperty("sun.net.httpserver.nodelay", System.getProperty("sun.net.httpserver.nodelay", "true"));
        latencyNanos = latency.toNanos();
        slow = server(latencyNanos);
        direct = server(0);
    }

    /**
     * Starts an endpoint on two free loopback ports.
     *
     * @param latency how long after its arrival every request of {@link #endpoint()} is answered
     * @return the running endpoint; close it to stop it
     */
    public static MemoryS3 start(Duration latency) {
        try {
            return new MemoryS3(latency);
        } catch (IOException e) {
            throw new UncheckedIOException("the in-memory S3 endpoint did not start", e);
        }
    }

    /** {@return {@code http://127.0.0.1:<port>}, answering each request its latency after it arrived} */
    public URI endpoint() {
        return uri(slow);
    }

    /** {@return {@code http://127.0.0.1:<port>}, the same data answered at once} */
    public URI direct() {
        return uri(direct);
    }

    /** {@return how many requests both endpoints have received} */
    public long requests() {
        return requests.get();
    }

    private HttpServer server(long delayNanos) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
        server.createContext("/", exchange -> handle(exchange, delayNanos));
        server.setExecutor(workers);
        server.start();
        return server;
    }

    private void handle(HttpExchange exchange, long delayNanos) {
        long arrived = System.nanoTime();
        String requestId = Long.toHexString(requests.incrementAndGet()) + "-" + Long.toHexString(arrived);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        Reply reply;
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            reply = api.answer(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body);
        } catch (S3Error e) {
            reply = head ? Reply.empty(e.status())
                    : Reply.xml(e.status(), Xml.error(e, exchange.getRequestURI().getRawPath(), requestId));
        } catch (IOException clientGone) {
            exchange.close();
            return;
        } catch (RuntimeException e) {
            S3Error internal = new S3Error(500, "InternalError", e.toString());
            reply = head ? Reply.empty(500)
                    : Reply.xml(500, Xml.error(internal, exchange.getRequestURI().getRawPath(), requestId));
        }
        Reply answer = reply;
        long wait = arrived + delayNanos - System.nanoTime();
        if (wait <= 0) {
            send(exchange, answer, requestId);
        } else {
            timer.schedule(() -> workers.execute(() -> send(exchange, answer, requestId)), wait, TimeUnit.NANOSECONDS);
        }
    }

    private static void send(HttpExchange exchange, Reply reply, String requestId) {
        try {
            reply.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.getResponseHeaders().set("x-amz-request-id", requestId);
            if (reply.head()) {
                exchange.getResponseHeaders().set("Content-Length", String.valueOf(reply.contentLength()));
                exchange.sendResponseHeaders(reply.status(), -1);
            } else if (reply.body().length == 0) {
                exchange.sendResponseHeaders(reply.status(), -1);
            } else {
                exchange.sendResponseHeaders(reply.status(), reply.body().length);
                exchange.getResponseBody().write(reply.body());
            }
        } catch (IOException clientGone) {
            // The client closed the connection; there is nobody to answer.
        } finally {
            exchange.close();
        }
    }

    private static URI uri(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static ThreadFactory daemon(String name) {
        AtomicLong count = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        slow.stop(0);
        direct.stop(0);
        timer.shutdownNow();
        workers.shutdownNow();
    }
}
