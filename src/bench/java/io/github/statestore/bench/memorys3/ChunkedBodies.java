package io.github.statestore.bench.memorys3;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Chunked bodies, in the two forms that share one layout: HTTP/1.1's {@code Transfer-Encoding: chunked} and
 * the AWS SDKs' {@code aws-chunked} ({@code <hex size>[;extensions]\r\n<bytes>\r\n}, ..., a zero-size chunk,
 * then trailing header lines and an empty line). Chunk extensions, such as {@code chunk-signature}, are
 * skipped. Stateless and thread-safe.
 */
final class ChunkedBodies {
    private ChunkedBodies() {
    }

    /**
     * Finds where a chunked body ends.
     *
     * @param bytes a buffer
     * @param from where the body starts
     * @param to where the bytes read so far end
     * @return the index just past the body, or -1 if it has not all arrived
     */
    static int end(byte[] bytes, int from, int to) {
        int pos = from;
        while (true) {
            int eol = lineEnd(bytes, pos, to);
            if (eol < 0) {
                return -1;
            }
            int size = size(new String(bytes, pos, eol - pos, StandardCharsets.ISO_8859_1));
            pos = eol + 2;
            if (size == 0) {
                while (true) {
                    int trailerEnd = lineEnd(bytes, pos, to);
                    if (trailerEnd < 0) {
                        return -1;
                    }
                    boolean empty = trailerEnd == pos;
                    pos = trailerEnd + 2;
                    if (empty) {
                        return pos;
                    }
                }
            }
            pos += size + 2;
            if (pos > to) {
                return -1;
            }
        }
    }

    /**
     * Decodes a whole chunked body.
     *
     * @param raw the body
     * @param trailers receives the trailing headers, names lower-case; {@code null} to drop them
     * @return the payload
     * @throws S3Error {@code 400 IncompleteBody} if the body is not well formed
     */
    static byte[] decode(byte[] raw, Map<String, String> trailers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        int pos = 0;
        while (true) {
            int eol = lineEnd(raw, pos, raw.length);
            if (eol < 0) {
                throw incomplete("the body ends inside a chunk header");
            }
            int size = size(new String(raw, pos, eol - pos, StandardCharsets.ISO_8859_1));
            pos = eol + 2;
            if (size == 0) {
                break;
            }
            if (pos + size + 2 > raw.length || raw[pos + size] != '\r' || raw[pos + size + 1] != '\n') {
                throw incomplete("a chunk runs past the body's end or is not followed by CRLF");
            }
            out.write(raw, pos, size);
            pos += size + 2;
        }
        while (pos < raw.length) {
            int eol = lineEnd(raw, pos, raw.length);
            if (eol < 0) {
                throw incomplete("the body ends inside a trailer");
            }
            if (eol == pos) {
                break;
            }
            String trailer = new String(raw, pos, eol - pos, StandardCharsets.ISO_8859_1);
            int colon = trailer.indexOf(':');
            if (colon < 0) {
                throw incomplete("bad trailer: " + trailer);
            }
            if (trailers != null) {
                trailers.put(trailer.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        trailer.substring(colon + 1).strip());
            }
            pos = eol + 2;
        }
        return out.toByteArray();
    }

    private static int size(String header) {
        int semicolon = header.indexOf(';');
        try {
            int size = Integer.parseInt((semicolon < 0 ? header : header.substring(0, semicolon)).strip(), 16);
            if (size < 0) {
                throw incomplete("negative chunk size: " + header);
            }
            return size;
        } catch (NumberFormatException e) {
            throw incomplete("bad chunk header: " + header);
        }
    }

    private static int lineEnd(byte[] bytes, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static S3Error incomplete(String why) {
        return S3Error.badRequest("IncompleteBody", "Chunked body: " + why);
    }
}
