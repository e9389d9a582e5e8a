package io.github.statestore.bench.memorys3;

import java.util.Map;

/**
 * One HTTP/1.1 request as {@link HttpLoop} read it.
 *
 * @param method the method, such as {@code GET}
 * @param rawPath the path, still percent-encoded
 * @param rawQuery the query string, still percent-encoded, or {@code null}
 * @param headers the headers, looked up case-insensitively; repeated headers joined with {@code ", "}
 * @param body the body as sent (HTTP chunked encoding removed), empty for none
 */
record HttpRequest(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body) {
    /** {@return a header's value, or {@code null}} */
    String header(String name) {
        return headers.get(name);
    }
}
