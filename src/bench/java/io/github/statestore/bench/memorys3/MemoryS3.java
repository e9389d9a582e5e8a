package io.github.statestore.bench.memorys3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal S3-compatible endpoint held in memory, on loopback, that answers every request a fixed time
 * after it arrived and spends little CPU meanwhile: an S3 that, like the real one, answers after its latency
 * however many requests are in flight, so that a benchmark against it measures the client. It is a subset
 * of S3, written for the benchmark suite and tested against the AWS SDK for Java ({@code MemoryS3Test});
 * {@link S3Api} lists what it answers, and it answers anything else {@code 501 NotImplemented}. It checks no
 * signature and no credentials.
 *
 * <p>Two endpoints share the data: {@link #endpoint()} adds the latency, {@link #direct()} adds none (for
 * seeding and JIT warm-up). Each is an {@link HttpLoop}: one thread that reads and answers requests as they
 * arrive and holds each answer in a queue, with no thread waiting on it, until it is due. So a thousand
 * requests in flight cost a thousand queued answers, not a thousand threads; {@link #cpuNanos()} tells what
 * the two threads spent. Thread-safe.
 */
public final class MemoryS3 implements AutoCloseable {
    private final S3Api api = new S3Api();
    private final AtomicLong requests = new AtomicLong();
    private final HttpLoop slow;
    private final HttpLoop direct;

    private MemoryS3(Duration latency) throws IOException {
        slow = new HttpLoop(latency.toNanos(), this::answer, "memory-s3-" + latency.toMillis() + "ms");
        direct = new HttpLoop(0, this::answer, "memory-s3-direct");
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
        return URI.create("http://127.0.0.1:" + slow.port());
    }

    /** {@return {@code http://127.0.0.1:<port>}, the same data answered at once} */
    public URI direct() {
        return URI.create("http://127.0.0.1:" + direct.port());
    }

    /** {@return how many requests both endpoints have received} */
    public long requests() {
        return requests.get();
    }

    /** {@return the CPU time both endpoints' threads have used, in nanoseconds} */
    public long cpuNanos() {
        return slow.cpuNanos() + direct.cpuNanos();
    }

    private ByteBuffer answer(HttpRequest request) {
        String requestId = Long.toHexString(requests.incrementAndGet());
        boolean head = request.method().equals("HEAD");
        Reply reply;
        try {
            reply = api.answer(request);
        } catch (S3Error e) {
            reply = head ? Reply.empty(e.status()) : Reply.xml(e.status(), Xml.error(e, request.rawPath(), requestId));
        } catch (RuntimeException e) {
            S3Error internal = new S3Error(500, "InternalError", e.toString());
            reply = head ? Reply.empty(500) : Reply.xml(500, Xml.error(internal, request.rawPath(), requestId));
        }
        return reply.encode(requestId, Instant.now());
    }

    @Override
    public void close() {
        slow.close();
        direct.close();
    }
}
