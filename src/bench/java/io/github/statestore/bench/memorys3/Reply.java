package io.github.statestore.bench.memorys3;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer ready to send: status, headers and body. For a HEAD, {@code contentLength} is the length of the
 * body a GET would send, and no body is sent.
 *
 * @param status the HTTP status
 * @param headers the headers besides {@code Content-Length}, {@code Date} and {@code x-amz-request-id}
 * @param body the body, empty for none
 * @param contentLength the {@code Content-Length} to announce
 * @param head whether this answers a HEAD, so that no body is sent
 */
record Reply(int status, Map<String, String> headers, byte[] body, long contentLength, boolean head) {
    private static final byte[] NONE = new byte[0];
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** {@return a reply with no body} */
    static Reply empty(int status) {
        return new Reply(status, new LinkedHashMap<>(), NONE, 0, false);
    }

    /** {@return a reply with an XML body} */
    static Reply xml(int status, String xml) {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/xml");
        return new Reply(status, headers, body, body.length, false);
    }

    /** {@return a reply carrying an object's bytes, or for a HEAD only its headers} */
    static Reply object(Map<String, String> headers, byte[] body, boolean head) {
        return new Reply(200, headers, head ? NONE : body, body.length, head);
    }

    /** {@return the whole HTTP/1.1 response: status line, headers and body} */
    ByteBuffer encode(String requestId, Instant now) {
        StringBuilder head = new StringBuilder(256).append("HTTP/1.1 ").append(status).append(' ')
                .append(reason()).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("x-amz-request-id: ").append(requestId).append("\r\nDate: ").append(HTTP_DATE.format(now))
                .append("\r\n");
        boolean bodiless = status < 200 || status == 204 || status == 304;
        if (!bodiless) {
            head.append("Content-Length: ").append(contentLength).append("\r\n");
        }
        byte[] top = head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.allocate(top.length + body.length).put(top).put(body);
        return bytes.flip();
    }

    private String reason() {
        return switch (status) {
            case 200 -> "OK";
            case 204 -> "No Content";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            default -> "Status " + status;
        };
    }
}
