package io.github.statestore.bench.memorys3;

import java.nio.charset.StandardCharsets;
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
}
