package io.github.statestore.s3;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP/1.1 request or response read off a socket as its exact bytes, with just enough parsing (start
 * line, headers, Content-Length or chunked framing) for {@link FaultProxy} to relay it unchanged.
 */
final class HttpMessage {
    private static final int MAX_HEAD = 64 * 1024;

    private final byte[] head;
    private final String startLine;
    private final Map<String, String> headers;
    private byte[] body = new byte[0];
    private boolean endsWithStream;

    private HttpMessage(byte[] head) {
        this.head = head;
        String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
        this.startLine = lines[0];
        this.headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
            }
        }
    }

    /**
     * Reads a message's start line and headers, not its body.
     *
     * @return the message, or {@code null} if the stream ended before its first byte
     * @throws IOException if the stream ends inside the head or the head is too long
     */
    static HttpMessage readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new EOFException("stream ended inside an HTTP head");
            }
            head.write(b);
            matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > MAX_HEAD) {
                throw new IOException("HTTP head longer than " + MAX_HEAD + " bytes");
            }
        }
        return new HttpMessage(head.toByteArray());
    }

    /** Reads a request's body, as its headers frame it. */
    void readRequestBody(InputStream in) throws IOException {
        body = readBody(in, false);
    }

    /**
     * Reads a response's body, as its status and headers frame it.
     *
     * @param requestMethod the method of the request it answers ({@code HEAD} responses have no body)
     */
    void readResponseBody(InputStream in, String requestMethod) throws IOException {
        int status = status();
        boolean none = "HEAD".equals(requestMethod) || status < 200 || status == 204 || status == 304;
        body = none ? new byte[0] : readBody(in, true);
    }

    private byte[] readBody(InputStream in, boolean untilEof) throws IOException {
        if (header("Transfer-Encoding").toLowerCase(Locale.ROOT).contains("chunked")) {
            return readChunked(in);
        }
        String length = header("Content-Length");
        if (!length.isEmpty()) {
            return in.readNBytes(Integer.parseInt(length));
        }
        endsWithStream = untilEof;
        return untilEof ? in.readAllBytes() : new byte[0];
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in, raw);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                String trailer;
                do {
                    trailer = readLine(in, raw);
                } while (!trailer.isEmpty());
                return raw.toByteArray();
            }
            raw.write(in.readNBytes(size));
            readLine(in, raw);
        }
    }

    private static String readLine(InputStream in, ByteArrayOutputStream raw) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("stream ended inside a chunked body");
            }
            raw.write(b);
            if (b != '\r') {
                line.append((char) b);
            }
        }
        raw.write('\n');
        return line.toString();
    }

    /** @return the request method, such as {@code PUT} */
    String method() {
        return startLine.substring(0, startLine.indexOf(' '));
    }

    /** @return the request target's path, without its query, such as {@code /bucket/alchemy/app/dev/key} */
    String path() {
        String target = startLine.split(" ", 3)[1];
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    /** @return the response status code */
    int status() {
        return Integer.parseInt(startLine.split(" ", 3)[1]);
    }

    /** @return the header's value, or an empty string when absent */
    String header(String name) {
        return headers.getOrDefault(name, "");
    }

    /** @return the headers, by name in any case */
    Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    /** @return whether the connection must close after this message: the sender asks, or the body ran to its end */
    boolean closes() {
        return endsWithStream || "close".equalsIgnoreCase(header("Connection"));
    }

    /** @return the message's exact bytes: head then body */
    byte[] bytes() {
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }
}
