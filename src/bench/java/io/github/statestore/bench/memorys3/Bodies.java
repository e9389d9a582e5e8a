package io.github.statestore.bench.memorys3;

import java.nio.ByteBuffer;
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
 * A request body as S3 reads it: {@code aws-chunked} decoded (the AWS SDKs' streaming uploads, see
 * {@link ChunkedBodies}, whose trailing headers carry checksums such as {@code x-amz-checksum-crc32}), its
 * decoded length checked against {@code x-amz-decoded-content-length},
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
    static Body read(byte[] raw, Map<String, String> headers) {
        Map<String, String> trailers = new TreeMap<>();
        String sha = headers.get("x-amz-content-sha256");
        String encoding = headers.get("Content-Encoding");
        boolean chunked = (sha != null && sha.startsWith("STREAMING-"))
                || (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("aws-chunked"));
        byte[] bytes = chunked ? ChunkedBodies.decode(raw, trailers) : raw;
        if (chunked) {
            String decoded = headers.get("x-amz-decoded-content-length");
            if (decoded != null && Long.parseLong(decoded.strip()) != bytes.length) {
                throw S3Error.badRequest("IncompleteBody", "x-amz-decoded-content-length is " + decoded
                        + " but the chunks hold " + bytes.length + " bytes");
            }
        }
        Map<String, String> checksums = new TreeMap<>();
        headers.forEach((name, value) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.startsWith(CHECKSUM) && !n.equals(CHECKSUM + "type") && !n.equals(CHECKSUM + "algorithm")) {
                checksums.put(n.substring(CHECKSUM.length()), value.strip());
            }
        });
        trailers.forEach((name, value) -> {
            if (name.startsWith(CHECKSUM)) {
                checksums.put(name.substring(CHECKSUM.length()), value);
            }
        });
        checksums.forEach((algorithm, value) -> verify(algorithm, value, bytes));
        String md5 = headers.get("Content-MD5");
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
