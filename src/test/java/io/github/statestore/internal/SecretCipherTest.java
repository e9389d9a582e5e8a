package io.github.statestore.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Alchemy's v1 envelope: its fields in Alchemy's order, their sizes, and a fresh salt and IV every time. */
class SecretCipherTest {
    private static final byte[] PLAIN = "sk-live-0123456789".getBytes(StandardCharsets.UTF_8);

    private final SecretCipher cipher = new SecretCipher("correct horse battery staple");

    @Test
    void envelopeHasAlchemysFieldsAndSizes() throws GeneralSecurityException {
        Map<String, Object> envelope = cipher.encrypt(PLAIN);
        assertEquals(List.of("version", "ciphertext", "iv", "salt", "tag"), List.copyOf(envelope.keySet()));
        assertEquals("v1", envelope.get("version"));
        assertEquals(PLAIN.length, decoded(envelope, "ciphertext").length);
        assertEquals(12, decoded(envelope, "iv").length);
        assertEquals(16, decoded(envelope, "salt").length);
        assertEquals(16, decoded(envelope, "tag").length);
        assertArrayEquals(PLAIN, cipher.decrypt(envelope));
    }

    @Test
    void everyEncryptionDrawsAFreshSaltAndIv() throws GeneralSecurityException {
        Map<String, Object> first = cipher.encrypt(PLAIN);
        Map<String, Object> second = cipher.encrypt(PLAIN);
        for (String field : List.of("ciphertext", "iv", "salt", "tag")) {
            assertNotEquals(first.get(field), second.get(field), field);
        }
        assertArrayEquals(PLAIN, cipher.decrypt(first));
        assertArrayEquals(PLAIN, cipher.decrypt(second));
    }

    @Test
    void anEmptyValueIsAnEmptyCiphertext() throws GeneralSecurityException {
        Map<String, Object> envelope = cipher.encrypt(new byte[0]);
        assertEquals("", envelope.get("ciphertext"));
        assertArrayEquals(new byte[0], cipher.decrypt(envelope));
    }

    @Test
    void anotherPasswordCannotDecrypt() {
        Map<String, Object> envelope = cipher.encrypt(PLAIN);
        assertThrows(GeneralSecurityException.class, () -> new SecretCipher("correct horse battery stapler")
                .decrypt(envelope));
    }

    private static byte[] decoded(Map<String, Object> envelope, String field) {
        return Base64.getDecoder().decode((String) envelope.get(field));
    }
}
