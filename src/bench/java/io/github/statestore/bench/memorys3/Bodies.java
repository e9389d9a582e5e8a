package io.github.statestore.bench.memorys3;

import com.sun.net.httpserver.Headers;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * A request body as S3 reads it: {@code aws-chunked} decoded (the AWS SDKs' streaming uploads: chunks of
 * {@code <hex size>[;chunk-signature=...]\r\n<bytes>\r\n}, a zero-size chunk, then trailing headers such as
 * {@code x-amz-checksum-crc32}), its decoded length checked against {@code x-amz-decoded-content-length},
 * and its {@code Content-MD5} and CRC32/CRC32C checksums (headers or trailers) checked. Chunk and trailer
 * signatures are not checked, nor is any other signature: this endpoint authenticates nothing. Other
 * checksum algorithms are kept, not checked. Stateless and thread-safe.
 */
final class Bodies {
    private static final String CHECKSUM = "x-amz-checksum-";

    private Bodies() {
    }

    /**
     * A decoded body.
     *
     * @param bytes the payload
     * @param checksums the full-object checksums sent with it, algorithm (lower-case) to base64 value
     */
    record Body(byte[] bytes, Map<String, String> checksums) {
    }

    /** {@return the payload of a request and its checksums, checked} */
    static Body read(byte[] raw, Headers headers) {
        Map<String, String> trailers = new TreeMap<>();
        String sha = headers.getFirst("x-amz-content-sha256");
        String encoding = headers.getFirst("Content-Encoding");
        boolean chunked = (sha != null && sha.startsWith("STREAMING-"))
                || (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("aws-chunked"));
        byte[] bytes = chunked ? decodeChunks(raw, trailers) : raw;
        if (chunked) {
            String decoded = headers.getFirst("x-amz-decoded-content-length");
            if (decoded != null && Long.parseLong(decoded.strip()) != bytes.length) {
                throw S3Error.badRequest("IncompleteBody", "x-amz-decoded-content-length is " + decoded
                        + " but the chunks hold " + bytes.length + " bytes");
            }
        }
        Map<String, String> checksums = new TreeMap<>();
        headers.forEach((name, values) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.startsWith(CHECKSUM) && !n.equals(CHECKSUM + "type") && !n.equals(CHECKSUM + "algorithm")) {
                checksums.put(n.substring(CHECKSUM.length()), values.get(0).strip());
            }
        });
        trailers.forEach((name, value) -> {
            if (name.startsWith(CHECKSUM)) {
                checksums.put(name.substring(CHECKSUM.length()), value);
            }
        });
        checksums.forEach((algorithm, value) -> verify(algorithm, value, bytes));
        String md5 = headers.getFirst("Content-MD5");
        if (md5 != null && !md5.strip().equals(Base64.getEncoder().encodeToString(md5(bytes)))) {
            throw S3Error.badRequest("BadDigest", "The Content-MD5 you specified did not match what we received.");
        }
        return new Body(bytes, checksums);
    }

    /** {@return the MD5 digest of some bytes} */
    static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }

    private static byte[] decodeChunks(byte[] raw, Map<String, String> trailers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        int[] pos = {0};
        while (true) {
            String header = line(raw, pos);
            int semicolon = header.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semicolon < 0 ? header : header.substring(0, semicolon)).strip(), 16);
            } catch (NumberFormatException e) {
                throw S3Error.badRequest("IncompleteBody", "bad aws-chunked chunk header: " + header);
            }
            if (size == 0) {
                break;
            }
            if (size < 0 || pos[0] + size > raw.length) {
                throw S3Error.badRequest("IncompleteBody", "an aws-chunked chunk runs past the body's end");
            }
            out.write(raw, pos[0], size);
            pos[0] += size;
            if (!line(raw, pos).isEmpty()) {
                throw S3Error.badRequest("IncompleteBody", "an aws-chunked chunk is not followed by CRLF");
            }
        }
        while (pos[0] < raw.length) {
            String trailer = line(raw, pos);
            if (trailer.isEmpty()) {
                break;
            }
            int colon = trailer.indexOf(':');
            if (colon < 0) {
                throw S3Error.badRequest("IncompleteBody", "bad aws-chunked trailer: " + trailer);
            }
            trailers.put(trailer.substring(0, colon).strip().toLowerCase(Locale.ROOT), trailer.substring(colon + 1).strip());
        }
        return out.toByteArray();
    }

    /** Reads up to the next CRLF (or the end), moving past it. */
    private static String line(byte[] raw, int[] pos) {
        int start = pos[0];
        int i = start;
        while (i < raw.length && !(raw[i] == '\r' && i + 1 < raw.length && raw[i + 1] == '\n')) {
            i++;
        }
        if (i >= raw.length) {
            throw S3Error.badRequest("IncompleteBody", "an aws-chunked body ends inside a line");
        }
        pos[0] = i + 2;
        return new String(raw, start, i - start, StandardCharsets.ISO_8859_1);
    }

    private static void verify(String algorithm, String value, byte[] bytes) {
        Checksum checksum = switch (algorithm) {
            case "crc32" -> new CRC32();
            case "crc32c" -> new CRC32C();
            default -> null;
        };
        if (checksum == null) {
            return;
        }
        checksum.update(bytes, 0, bytes.length);
        String actual = Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) checksum.getValue())
                .array());
        if (!actual.equals(value)) {
            throw S3Error.badRequest("BadDigest", "The " + algorithm.toUpperCase(Locale.ROOT)
                    + " you specified did not match the calculated checksum.");
        }
    }
}
