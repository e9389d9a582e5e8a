package io.github.statestore.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link HttpMessage} reads each framing to the exact end of one message, keeping every byte. */
class HttpMessageTest {

    @Test
    void chunkedRequestWithExtensionsAndTrailersKeepsEveryByte() throws IOException {
        String request = "PUT /b/k HTTP/1.1\r\nHost: 127.0.0.1:1\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;chunk-signature=ab\r\nhello\r\n1\r\n!\r\n0\r\nx-amz-checksum-crc32: AAAA\r\n\r\n";
        InputStream in = stream(request + "GET /next HTTP/1.1\r\n\r\n");
        HttpMessage message = HttpMessage.readHead(in);
        message.readRequestBody(in);
        assertEquals("PUT", message.method());
        assertArrayEquals(bytes(request), message.bytes());
        assertEquals("GET", HttpMessage.readHead(in).method());
    }

    @Test
    void contentLengthBodyEndsAtItsLength() throws IOException {
        String request = "PUT /b/k HTTP/1.1\r\ncontent-length: 3\r\nExpect: 100-continue\r\n\r\nabc";
        InputStream in = stream(request + "rest");
        HttpMessage message = HttpMessage.readHead(in);
        message.readRequestBody(in);
        assertEquals("100-continue", message.header("Expect"));
        assertArrayEquals(bytes(request), message.bytes());
    }

    @Test
    void responseToHeadHasNoBodyAndUnframedResponseRunsToTheEnd() throws IOException {
        String head = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n";
        InputStream in = stream(head);
        HttpMessage headAnswer = HttpMessage.readHead(in);
        headAnswer.readResponseBody(in, "HEAD");
        assertArrayEquals(bytes(head), headAnswer.bytes());
        assertFalse(headAnswer.closes());

        String unframed = "HTTP/1.1 200 OK\r\n\r\nall of it";
        InputStream in2 = stream(unframed);
        HttpMessage answer = HttpMessage.readHead(in2);
        answer.readResponseBody(in2, "GET");
        assertArrayEquals(bytes(unframed), answer.bytes());
        assertTrue(answer.closes());
        assertNull(HttpMessage.readHead(in2));
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(bytes(s));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
