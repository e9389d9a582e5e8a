package io.github.statestore.key;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Random keys and names for the key properties, biased towards separators, escapes and device names. */
public final class KeyArbitraries {
    /** Pieces that stress the encodings: separators, escapes and look-alike escapes, Windows names. */
    public static final List<String> TRICKY = List.of("/", ":", "%", "%3A", "%25", "%2F", "%3a", "%~", "::", "//",
            "~", ".", "..", " ", "\\", "<>", "\"", "|?*", "😀", "🎉", "₪", "家", "\u00a0", "\u2028", "\ufffe",
            "CON", "con", "Prn", "aux", "NUL", "COM1", "com9", "LPT0", "lpt5", "COM¹", ".json", "x.tmp");

    private KeyArbitraries() {
    }

    /** A code point that keys may hold: not a control character, not a surrogate. */
    public static Arbitrary<String> allowedCharacter() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.chars().range(' ', '~').map(String::valueOf)),
                Tuple.of(2, Arbitraries.chars().range('\u00a0', '\u00ff').map(String::valueOf)),
                Tuple.of(2, Arbitraries.chars().range('\u0100', '\ud7ff').map(String::valueOf)),
                Tuple.of(1, Arbitraries.chars().range('\ue000', '\uffff').map(String::valueOf)),
                Tuple.of(2, Arbitraries.integers().between(0x10000, Character.MAX_CODE_POINT)
                        .map(Character::toString)));
    }

    /** Valid keys of up to a few hundred encoded bytes ({@code .} and {@code ..} alone are not keys). */
    public static Arbitrary<String> keys() {
        return piecesOf(Arbitraries.frequencyOf(
                Tuple.of(3, allowedCharacter()),
                Tuple.of(2, Arbitraries.of(TRICKY))), 30).filter(k -> !k.equals(".") && !k.equals(".."));
    }

    /** Valid keys without {@code %} or {@code :}, which Alchemy itself can store. */
    public static Arbitrary<String> alchemyKeys() {
        return keys().map(k -> k.replace("%", "p").replace(":", "c"));
    }

    /** Keys near the 1,024-byte limit, some just over it once encoded. */
    public static Arbitrary<String> longKeys() {
        return Arbitraries.of("k", "é", "₪", "😀", "%", ":", "/", "CON.").list().ofMinSize(250).ofMaxSize(520)
                .map(l -> String.join("", l));
    }

    /** Short strings over the escape alphabet, so that collisions and near-escapes are likely. */
    public static Arbitrary<String> tinyStrings() {
        return Arbitraries.of("/", ":", "%", "2", "5", "3", "A", "a", "F").list().ofMinSize(1).ofMaxSize(5)
                .map(l -> String.join("", l));
    }

    /** A character no key may hold: C0, DEL, C1, or a surrogate that will end up unpaired. */
    public static Arbitrary<Character> forbiddenCharacter() {
        return Arbitraries.oneOf(
                Arbitraries.chars().range('\u0000', '\u001f'),
                Arbitraries.just('\u007f'),
                Arbitraries.chars().range('\u0080', '\u009f'),
                Arbitraries.chars().range('\ud800', '\udfff'));
    }

    /** A valid key with one forbidden character inserted somewhere. */
    public static Arbitrary<String> invalidKeys() {
        return Combinators.combine(keys(), forbiddenCharacter(), Arbitraries.integers().between(0, 1000))
                .as((key, bad, at) -> {
                    int i = at % (key.length() + 1);
                    return key.substring(0, i) + bad + key.substring(i);
                });
    }

    /** Any string at all (controls and lone surrogates included), mixed with Windows-hostile pieces. */
    public static Arbitrary<String> anyNames() {
        return piecesOf(Arbitraries.oneOf(
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(3),
                Arbitraries.of(TRICKY)), 12);
    }

    private static Arbitrary<String> piecesOf(Arbitrary<String> piece, int maxPieces) {
        return piece.list().ofMinSize(1).ofMaxSize(maxPieces).map(l -> String.join("", l));
    }
}
