package io.github.statestore.internal;

import java.util.Locale;

/** Character checks shared by key and scope-name validation, and quoting for messages. Stateless and thread-safe. */
public final class Text {
    private Text() {
    }

    /**
     * Finds the first character no key or scope name may hold: a control character (C0, DEL or C1) or an
     * unpaired surrogate.
     *
     * @param s the string to check
     * @return a reason naming the index, or {@code null} when every character is allowed
     */
    public static String forbiddenCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                return String.format("control character U+%04X at index %d", (int) c, i);
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "unpaired surrogate at index " + i;
            }
            if (Character.isLowSurrogate(c)) {
                return "unpaired surrogate at index " + i;
            }
        }
        return null;
    }

    /**
     * Quotes a user-supplied string for a message: control characters and lone surrogates shown as
     * {@code \\uXXXX}, long strings cut after 200 characters.
     *
     * @param s the string, possibly {@code null}
     * @return the quoted string, or {@code null} as text
     */
    public static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().limit(200).forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || (c >= 0xd800 && c <= 0xdfff)) {
                out.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        if (s.codePointCount(0, s.length()) > 200) {
            out.append("…(").append(s.length()).append(" chars)");
        }
        return out.append('"').toString();
    }
}
