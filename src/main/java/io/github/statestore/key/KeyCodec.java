package io.github.statestore.key;

import io.github.statestore.InvalidKeyException;
import io.github.statestore.internal.Text;
import java.nio.charset.StandardCharsets;

/**
 * Alchemy's key encoding made reversible. Alchemy replaces every {@code /} with {@code :}; so do we, after
 * first escaping {@code %} as {@code %25} and {@code :} as {@code %3A}. A key without {@code %} or {@code :}
 * therefore encodes exactly as Alchemy encodes it ({@code api/database/connection} →
 * {@code api:database:connection}), and every key round-trips: {@code decode(encode(k)).equals(k)}.
 *
 * <p>A valid key is non-empty, is not {@code .} or {@code ..} (S3-compatible servers and HTTP clients treat
 * those as path segments), holds no control characters (C0, DEL, C1) or unpaired surrogates, and encodes
 * to at most {@value #MAX_ENCODED_BYTES} UTF-8 bytes (S3's object-key limit). Stateless and thread-safe.
 */
public final class KeyCodec {
    /** The longest encoded key, in UTF-8 bytes. */
    public static final int MAX_ENCODED_BYTES = 1024;

    private KeyCodec() {
    }

    /**
     * Encodes a key for use as a file or object name.
     *
     * @param key the key
     * @return the encoded key
     * @throws InvalidKeyException if the key is not valid
     */
    public static String encode(String key) {
        checkCharacters(key);
        StringBuilder out = new StringBuilder(key.length() + 8);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            switch (c) {
                case '%' -> out.append("%25");
                case ':' -> out.append("%3A");
                case '/' -> out.append(':');
                default -> out.append(c);
            }
        }
        String encoded = out.toString();
        int bytes = encoded.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_ENCODED_BYTES) {
            throw new InvalidKeyException(key, "encodes to " + bytes + " UTF-8 bytes, more than the limit of "
                    + MAX_ENCODED_BYTES);
        }
        return encoded;
    }

    /**
     * Checks that a key is valid, without keeping its encoding.
     *
     * @param key the key
     * @throws InvalidKeyException if the key is not valid
     */
    public static void validate(String key) {
        encode(key);
    }

    /**
     * Decodes a name that {@link #encode} produced. Only what {@code encode} writes is accepted ({@code %25},
     * {@code %3A}, no {@code /}, at most {@value #MAX_ENCODED_BYTES} bytes), so that each key has exactly one
     * name.
     *
     * @param encoded an encoded key
     * @return the key
     * @throws InvalidKeyException if {@code encoded} is not something {@code encode} could have produced
     */
    public static String decode(String encoded) {
        StringBuilder out = new StringBuilder(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == ':') {
                out.append('/');
            } else if (c == '/') {
                throw new InvalidKeyException(encoded, "'/' at index " + i + " never occurs in an encoded key, "
                        + "so this is not an encoded key");
            } else if (c == '%') {
                if (encoded.startsWith("%25", i)) {
                    out.append('%');
                } else if (encoded.startsWith("%3A", i)) {
                    out.append(':');
                } else {
                    throw new InvalidKeyException(encoded, "'%' at index " + i + " is not followed by 25 or 3A, "
                            + "so this is not an encoded key");
                }
                i += 2;
            } else {
                out.append(c);
            }
        }
        String key = out.toString();
        validate(key);
        return key;
    }

    private static void checkCharacters(String key) {
        if (key == null || key.isEmpty()) {
            throw new InvalidKeyException(key, "keys must be non-empty");
        }
        if (key.equals(".") || key.equals("..")) {
            throw new InvalidKeyException(key, "'.' and '..' are not allowed as keys: S3-compatible servers and "
                    + "HTTP clients treat them as path segments");
        }
        String bad = Text.forbiddenCharacter(key);
        if (bad != null) {
            throw new InvalidKeyException(key, bad);
        }
    }
}
