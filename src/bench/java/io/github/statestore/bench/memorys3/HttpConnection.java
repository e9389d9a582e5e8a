package io.github.statestore.bench.memorys3;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One client connection of {@link HttpLoop}: the bytes read and not yet parsed, and the bytes to write.
 * Parses HTTP/1.1 requests with a {@code Content-Length} or chunked body; answers {@code Expect:
 * 100-continue} at once. Confined to the loop's thread.
 */
final class HttpConnection {
    private static final int MAX_REQUEST = 64 << 20;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final SocketChannel channel;
    private final SelectionKey key;
    private final ArrayDeque<ByteBuffer> output = new ArrayDeque<>();
    private byte[] input = new byte[8192];
    private int start;
    private int end;
    private boolean continued;
    private boolean closeAfterReply;
    private boolean closing;

    HttpConnection(SocketChannel channel, SelectionKey key) {
        this.channel = channel;
        this.key = key;
    }

    /** {@return whether the peer asked to close the connection after the reply now due} */
    boolean closeAfterReply() {
        return closeAfterReply;
    }

    /**
     * Reads what the socket holds.
     *
     * @return {@code false} if the peer closed the connection
     */
    boolean read(ByteBuffer scratch) throws IOException {
        while (true) {
            scratch.clear();
            int n = channel.read(scratch);
            if (n < 0) {
                return false;
            }
            if (n == 0) {
                return true;
            }
            if (end + n > input.length) {
                compactOrGrow(n);
            }
            scratch.flip();
            scratch.get(input, end, n);
            end += n;
        }
    }

    private void compactOrGrow(int more) throws IOException {
        int held = end - start;
        if (held + more > MAX_REQUEST) {
            throw new IOException("request larger than " + MAX_REQUEST + " bytes");
        }
        byte[] target = held + more > input.length ? new byte[Math.max(input.length * 2, held + more)] : input;
        System.arraycopy(input, start, target, 0, held);
        input = target;
        start = 0;
        end = held;
    }

    /** {@return the next complete request, or {@code null} until more bytes arrive} */
    HttpRequest next() throws IOException {
        int headEnd = indexOf(input, start, end, "\r\n\r\n");
        if (headEnd < 0) {
            return null;
        }
        String[] lines = new String(input, start, headEnd - start, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3) {
            throw new IOException("bad request line: " + lines[0]);
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw new IOException("bad header line: " + lines[i]);
            }
            headers.merge(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip(),
                    (a, b) -> a + ", " + b);
        }
        int bodyStart = headEnd + 4;
        byte[] body;
        int next;
        String transfer = headers.get("Transfer-Encoding");
        if (transfer != null && transfer.toLowerCase(Locale.ROOT).contains("chunked")) {
            next = ChunkedBodies.end(input, bodyStart, end);
            if (next < 0) {
                expectContinue(headers);
                return null;
            }
            body = ChunkedBodies.decode(Arrays.copyOfRange(input, bodyStart, next), null);
        } else {
            String length = headers.get("Content-Length");
            int n = length == null ? 0 : Integer.parseInt(length.strip());
            if (end - bodyStart < n) {
                expectContinue(headers);
                return null;
            }
            body = Arrays.copyOfRange(input, bodyStart, bodyStart + n);
            next = bodyStart + n;
        }
        start = next;
        if (start == end) {
            start = 0;
            end = 0;
        }
        continued = false;
        String connection = headers.getOrDefault("Connection", "");
        closeAfterReply = connection.equalsIgnoreCase("close") || requestLine[2].equals("HTTP/1.0");
        String target = requestLine[1];
        int q = target.indexOf('?');
        return new HttpRequest(requestLine[0], q < 0 ? target : target.substring(0, q),
                q < 0 ? null : target.substring(q + 1), headers, body);
    }

    private void expectContinue(Map<String, String> headers) throws IOException {
        if (!continued && "100-continue".equalsIgnoreCase(headers.get("Expect"))) {
            continued = true;
            write(ByteBuffer.wrap(CONTINUE));
        }
    }

    /** Queues bytes to write and writes what the socket takes now. */
    void write(ByteBuffer bytes) throws IOException {
        output.add(bytes);
        flush();
    }

    /** Writes queued bytes until the socket takes no more; asks to be told when it can take more. */
    void flush() throws IOException {
        while (!output.isEmpty()) {
            ByteBuffer head = output.peek();
            channel.write(head);
            if (head.hasRemaining()) {
                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                return;
            }
            output.poll();
        }
        key.interestOps(SelectionKey.OP_READ);
    }

    /** Closes the connection once every queued byte is written. */
    void closeWhenFlushed() {
        closing = true;
        if (output.isEmpty()) {
            close();
        }
    }

    /** {@return whether the connection is to close once its queued bytes are written} */
    boolean closing() {
        return closing;
    }

    /** {@return whether every queued byte was written} */
    boolean flushed() {
        return output.isEmpty();
    }

    void close() {
        key.cancel();
        try {
            channel.close();
        } catch (IOException alreadyGone) {
            // Closing a connection the peer already dropped: nothing left to release.
        }
    }

    private static int indexOf(byte[] bytes, int from, int to, String what) {
        byte[] w = what.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = from; i <= to - w.length; i++) {
            for (int j = 0; j < w.length; j++) {
                if (bytes[i + j] != w[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
