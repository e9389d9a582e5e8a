package io.github.statestore.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.statestore.InvalidKeyException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Over random Unicode keys, encoding round-trips, is injective and Alchemy's, and rejects invalid keys. */
class KeyCodecPropertiesTest {

    @Property(tries = 500)
    void decodeReversesEncode(@ForAll("keys") String key) {
        assertEquals(key, KeyCodec.decode(KeyCodec.encode(key)));
    }

    @Property(tries = 300)
    void encodeEscapesPercentAndColonThenMapsSlashToColon(@ForAll("keys") String key) {
        assertEquals(key.replace("%", "%25").replace(":", "%3A").replace('/', ':'), KeyCodec.encode(key));
    }

    @Property(tries = 300)
    void keysWithoutPercentOrColonEncodeAsAlchemyDoes(@ForAll("alchemyKeys") String key) {
        assertEquals(key.replace('/', ':'), KeyCodec.encode(key));
    }

    @Property(tries = 500)
    void distinctKeysNeverEncodeAlike(@ForAll("tinyStrings") String a, @ForAll("tinyStrings") String b) {
        Assume.that(!a.equals(b));
        assertNotEquals(KeyCodec.encode(a), KeyCodec.encode(b));
    }

    @Property(tries = 500)
    void decodeAcceptsOnlyTheOneNameEncodeWrites(@ForAll("tinyStrings") String name) {
        String key;
        try {
            key = KeyCodec.decode(name);
        } catch (InvalidKeyException rejected) {
            return;
        }
        assertEquals(name, KeyCodec.encode(key), () -> "decode accepted " + name + " as " + key);
    }

    @Property(tries = 500)
    void keysWithForbiddenCharactersAreRejectedNamingTheKey(@ForAll("invalidKeys") String key) {
        assertEquals(key, assertThrows(InvalidKeyException.class, () -> KeyCodec.encode(key)).getKey());
        assertEquals(key, assertThrows(InvalidKeyException.class, () -> KeyCodec.validate(key)).getKey());
    }

    @Property(tries = 200)
    void keysAreValidExactlyUpTo1024EncodedBytes(@ForAll("longKeys") String key) {
        String expected = key.replace("%", "%25").replace(":", "%3A").replace('/', ':');
        if (expected.getBytes(StandardCharsets.UTF_8).length <= KeyCodec.MAX_ENCODED_BYTES) {
            assertEquals(key, KeyCodec.decode(KeyCodec.encode(key)));
        } else {
            assertEquals(key, assertThrows(InvalidKeyException.class, () -> KeyCodec.encode(key)).getKey());
        }
    }

    @Provide
    Arbitrary<String> keys() {
        return KeyArbitraries.keys();
    }

    @Provide
    Arbitrary<String> alchemyKeys() {
        return KeyArbitraries.alchemyKeys();
    }

    @Provide
    Arbitrary<String> longKeys() {
        return KeyArbitraries.longKeys();
    }

    @Provide
    Arbitrary<String> tinyStrings() {
        return KeyArbitraries.tinyStrings();
    }

    @Provide
    Arbitrary<String> invalidKeys() {
        return KeyArbitraries.invalidKeys();
    }
}
