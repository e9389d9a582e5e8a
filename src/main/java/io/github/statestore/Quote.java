package io.github.statestore;

/** Renders user-supplied strings in messages so that odd characters stay visible. */
final class Quote {
    private Quote() {
    }

    static String of(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().limit(200).forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || (c >= 0xd800 && c <= 0xdfff)) {
                out.append(String.format("\\u%04x", c));
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
