package io.github.statestore.internal;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * Alchemy's v1 secret envelope: key = scrypt(password, 16-byte salt, N=16384, r=8, p=1, 32 bytes), then
 * AES-256-GCM with a 12-byte IV and a 16-byte tag; {@code {version: "v1", ciphertext, iv, salt, tag}}, all
 * base64. Every encryption draws a fresh salt and IV. Derived keys are cached by salt for reads, since
 * scrypt is slow by design (tens of milliseconds). Thread-safe.
 */
final class SecretCipher {
    static final String VERSION = "v1";
    private static final int N = 16384;
    private static final int R = 8;
    private static final int P = 1;
    private static final int KEY_BYTES = 32;
    private static final int SALT_BYTES = 16;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MAX_CACHED_KEYS = 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] password;
    private final Map<String, byte[]> keysBySalt = new ConcurrentHashMap<>();

    SecretCipher(String password) {
        this.password = password.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Encrypts with a fresh salt and IV. */
    Map<String, Object> encrypt(byte[] plaintext) {
        byte[] salt = random(SALT_BYTES);
        byte[] iv = random(IV_BYTES);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key(salt), "AES"), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext);
            int tagStart = sealed.length - TAG_BITS / 8;
            Base64.Encoder b64 = Base64.getEncoder();
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("version", VERSION);
            envelope.put("ciphertext", b64.encodeToString(Arrays.copyOf(sealed, tagStart)));
            envelope.put("iv", b64.encodeToString(iv));
            envelope.put("salt", b64.encodeToString(salt));
            envelope.put("tag", b64.encodeToString(Arrays.copyOfRange(sealed, tagStart, sealed.length)));
            return envelope;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is in every JVM", e);
        }
    }

    /**
     * Decrypts an envelope.
     *
     * @throws GeneralSecurityException if the password is wrong or the envelope was tampered with
     * @throws IllegalArgumentException if the envelope is malformed
     */
    byte[] decrypt(Map<?, ?> envelope) throws GeneralSecurityException {
        if (!VERSION.equals(envelope.get("version"))) {
            throw new IllegalArgumentException("unknown envelope version " + envelope.get("version"));
        }
        byte[] ciphertext = field(envelope, "ciphertext");
        byte[] iv = field(envelope, "iv");
        byte[] salt = field(envelope, "salt");
        byte[] tag = field(envelope, "tag");
        if (iv.length != IV_BYTES || tag.length != TAG_BITS / 8 || salt.length == 0) {
            throw new IllegalArgumentException("iv must be 12 bytes, tag 16 bytes, and salt non-empty");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key(salt), "AES"), new GCMParameterSpec(TAG_BITS, iv));
        byte[] sealed = Arrays.copyOf(ciphertext, ciphertext.length + tag.length);
        System.arraycopy(tag, 0, sealed, ciphertext.length, tag.length);
        return cipher.doFinal(sealed);
    }

    private static byte[] field(Map<?, ?> envelope, String name) {
        if (!(envelope.get(name) instanceof String text)) {
            throw new IllegalArgumentException("'" + name + "' is missing or not a string");
        }
        return Base64.getDecoder().decode(text);
    }

    private byte[] key(byte[] salt) {
        String id = Base64.getEncoder().encodeToString(salt);
        byte[] cached = keysBySalt.get(id);
        if (cached != null) {
            return cached;
        }
        byte[] key = SCrypt.generate(password, salt, N, R, P, KEY_BYTES);
        if (keysBySalt.size() >= MAX_CACHED_KEYS) {
            keysBySalt.clear();
        }
        keysBySalt.put(id, key);
        return key;
    }

    private static byte[] random(int bytes) {
        byte[] out = new byte[bytes];
        RANDOM.nextBytes(out);
        return out;
    }
}
