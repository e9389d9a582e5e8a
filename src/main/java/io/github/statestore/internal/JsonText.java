package io.github.statestore.internal;

import io.github.statestore.InvalidStateException;
import io.github.statestore.secret.Secret;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes plain Java values (maps, lists, strings, numbers, booleans, {@code null}) exactly as JavaScript's
 * {@code JSON.stringify(value, null, 2)} writes the same value, so that documents we write back are
 * byte-identical to Alchemy's: two-space indent, {@code "key": value}, {@code {}} and {@code []} for empty
 * containers, JavaScript's number formatting and string escaping, no trailing newline.
 *
 * <p>It writes only what {@link JsonParsing} reads back: a value past {@link JsonLimits}, or an object key
 * holding an unpaired surrogate (which the reader refuses), is refused with an {@link InvalidStateException}
 * naming its JSON path. The checks cost a depth counter and a length comparison per value; the path is built
 * only for the error, as the exception leaves each container. Stateless and thread-safe.
 */
public final class JsonText {
    private JsonText() {
    }

    /**
     * Writes a value as pretty-printed JSON.
     *
     * @param value a map, list, string, number, boolean or {@code null}; maps must have string keys
     * @return the JSON text
     * @throws InvalidStateException naming the JSON path of a value past {@link JsonLimits}, an object key that
     *     would not read back, or a {@link Secret}
     * @throws IllegalArgumentException for a value of any other type, or a non-finite number
     */
    public static String write(Object value) {
        return render(value, "", refused -> new InvalidStateException(refused.path(), refused.reason));
    }

    /**
     * Writes a state document for a key, as {@link #write(Object)} does, encoded as UTF-8.
     *
     * @param key the key the document is written for, named by the error
     * @param document the document's fields
     * @return the UTF-8 JSON text
     * @throws InvalidStateException naming the key and the JSON path of a value past {@link JsonLimits}, an
     *     object key that would not read back, or a {@link Secret}
     */
    public static byte[] writeDocument(String key, Map<String, Object> document) {
        return render(document, "", refused -> new InvalidStateException(key, refused.path(), refused.reason))
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes a value as compact JSON, as {@code JSON.stringify(value)} does.
     *
     * @param value a map, list, string, number, boolean or {@code null}; maps must have string keys
     * @return the JSON text, without any white space between tokens
     * @throws InvalidStateException naming the JSON path of a value past {@link JsonLimits}, an object key that
     *     would not read back, or a {@link Secret}
     * @throws IllegalArgumentException for a value of any other type, or a non-finite number
     */
    public static String writeCompact(Object value) {
        return render(value, null, refused -> new InvalidStateException(refused.path(), refused.reason));
    }

    /**
     * Writes a JSON secret's value as compact JSON, the text that is encrypted, which is read back by the same
     * reader once decrypted.
     *
     * @param key the key of the state holding the secret
     * @param path the secret's JSON path in that state
     * @param value the secret's value
     * @return the JSON text, without any white space between tokens
     * @throws InvalidStateException naming the key and the secret's path (nothing inside the secret) when the
     *     value is past {@link JsonLimits} or has an object key that would not read back
     */
    public static String writeSecretValue(String key, String path, Object value) {
        return render(value, null, refused -> new InvalidStateException(key, path, "a secret whose value holds "
                + refused.reason));
    }

    /** Writes pretty when {@code indent} is not null; turns a refusal into the caller's exception. */
    private static String render(Object value, String indent, Function<Refused, InvalidStateException> error) {
        StringBuilder out = new StringBuilder(indent == null ? 64 : 256);
        try {
            write(value, out, indent, 0);
        } catch (Refused refused) {
            throw error.apply(refused);
        }
        return out.toString();
    }

    /** Writes a value that {@code depth} containers enclose. */
    private static void write(Object value, StringBuilder out, String indent, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            if (s.length() > JsonLimits.MAX_STRING_LENGTH) {
                throw new Refused("a string of " + s.length() + " characters; the limit is "
                        + JsonLimits.MAX_STRING_LENGTH);
            }
            quote(s, out, false);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Number n) {
            writeNumber(n, out);
        } else if (value instanceof Map<?, ?> map) {
            checkDepth(depth + 1);
            writeObject(map, out, indent, depth + 1);
        } else if (value instanceof List<?> list) {
            checkDepth(depth + 1);
            writeArray(list, out, indent, depth + 1);
        } else if (value instanceof Secret) {
            throw new Refused("holds a Secret, which only a store opened with a password can write (encrypted)");
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
        }
    }

    /** Only a {@code BigInteger} can come near the limit: a double's text has at most 17 digits and an exponent. */
    private static void writeNumber(Number n, StringBuilder out) {
        String text = JsNumbers.format(n);
        int digits = text.charAt(0) == '-' ? text.length() - 1 : text.length();
        if (digits > JsonLimits.MAX_NUMBER_DIGITS) {
            throw new Refused("a number of " + digits + " digits; the limit is " + JsonLimits.MAX_NUMBER_DIGITS);
        }
        out.append(text);
    }

    private static void checkDepth(int depth) {
        if (depth > JsonLimits.MAX_DEPTH) {
            throw new Refused("an object or array nested " + depth + " deep (the outermost is 1 deep); the limit is "
                    + JsonLimits.MAX_DEPTH);
        }
    }

    private static void writeObject(Map<?, ?> map, StringBuilder out, String indent, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        String inner = indent == null ? null : indent + "  ";
        out.append(indent == null ? "{" : "{\n");
        Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            String name = (String) e.getKey();
            checkNameLength(name);
            out.append(inner == null ? "" : inner);
            quote(name, out, true);
            out.append(indent == null ? ":" : ": ");
            try {
                write(e.getValue(), out, inner, depth);
            } catch (Refused refused) {
                throw refused.under("." + name);
            }
            out.append(separator(it.hasNext(), indent));
        }
        out.append(indent == null ? "" : indent).append('}');
    }

    private static void writeArray(List<?> list, StringBuilder out, String indent, int depth) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        String inner = indent == null ? null : indent + "  ";
        out.append(indent == null ? "[" : "[\n");
        for (int i = 0; i < list.size(); i++) {
            out.append(inner == null ? "" : inner);
            try {
                write(list.get(i), out, inner, depth);
            } catch (Refused refused) {
                throw refused.under("[" + i + "]");
            }
            out.append(separator(i + 1 < list.size(), indent));
        }
        out.append(indent == null ? "" : indent).append(']');
    }

    /**
     * Refuses an object key of more than {@link JsonLimits#MAX_NAME_BYTES} bytes in UTF-8 (a surrogate pair is
     * 4 bytes; a key with an unpaired surrogate is refused anyway). A key of at most a third of the limit in
     * characters cannot exceed it and is not counted.
     */
    private static void checkNameLength(String name) {
        if (name.length() <= JsonLimits.MAX_NAME_BYTES / 3) {
            return;
        }
        long bytes = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        if (bytes > JsonLimits.MAX_NAME_BYTES) {
            throw new Refused("an object key of " + bytes + " bytes (UTF-8); the limit is "
                    + JsonLimits.MAX_NAME_BYTES);
        }
    }

    /** What follows a member: a comma if more follow, and a newline when pretty ({@code indent} not null). */
    private static String separator(boolean more, String indent) {
        return (more ? "," : "") + (indent == null ? "" : "\n");
    }

    /**
     * Quotes a string as {@code JSON.stringify} does (ES2019 well-formed: lone surrogates escaped). An object
     * key ({@code name}) with a lone surrogate is refused: Jackson reads such a value but not such a key.
     */
    private static void quote(String s, StringBuilder out, boolean name) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(s, i)) {
                        if (name && c >= 0x20) {
                            throw new Refused(String.format(Locale.ROOT, "an object key with an unpaired surrogate "
                                    + "(\\u%04x at index %d), which does not read back", (int) c, i));
                        }
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
    }

    /** JavaScript's Number::toString for the number types a document can hold. */
    static final class JsNumbers {
        private JsNumbers() {
        }

        static String format(Number n) {
            if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                    || n instanceof BigInteger) {
                return n.toString();
            }
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("JSON has no form for " + d);
            }
            return d == 0 ? "0" : layout(shortest(d));
        }

        /**
         * The shortest decimal that reads back as {@code d}, the closest to {@code d} when several have that
         * length (ties to even), as ECMAScript requires. Works on {@code d}'s exact value: Java 17's
         * {@code Double.toString} and {@code %e} are not always shortest (6.502315289148564E18 prints as
         * 6.5023152891485645E18).
         */
        private static BigDecimal shortest(double d) {
            BigDecimal exact = new BigDecimal(d);
            for (int digits = 1; ; digits++) {
                boolean down = readsBackAs(exact.round(new MathContext(digits, RoundingMode.FLOOR)), d);
                boolean up = readsBackAs(exact.round(new MathContext(digits, RoundingMode.CEILING)), d);
                if (down || up) {
                    RoundingMode mode = down && up ? RoundingMode.HALF_EVEN : down ? RoundingMode.FLOOR
                            : RoundingMode.CEILING;
                    return exact.round(new MathContext(digits, mode));
                }
            }
        }

        private static boolean readsBackAs(BigDecimal decimal, double d) {
            return Double.parseDouble(decimal.toString()) == d;
        }

        /** ECMAScript Number::toString steps 6–12 applied to a decimal's digits and exponent. */
        private static String layout(BigDecimal value) {
            if (value.signum() == 0) {
                return "0";
            }
            BigDecimal v = value.stripTrailingZeros();
            String sign = v.signum() < 0 ? "-" : "";
            String digits = v.unscaledValue().abs().toString();
            int k = digits.length();
            int n = k - v.scale();
            if (k <= n && n <= 21) {
                return sign + digits + "0".repeat(n - k);
            }
            if (0 < n && n <= 21) {
                return sign + digits.substring(0, n) + "." + digits.substring(n);
            }
            if (-6 < n && n <= 0) {
                return sign + "0." + "0".repeat(-n) + digits;
            }
            String exp = (n - 1 >= 0 ? "+" : "-") + Math.abs(n - 1);
            return sign + digits.charAt(0) + (k == 1 ? "" : "." + digits.substring(1)) + "e" + exp;
        }
    }

    /**
     * A value {@link JsonText} will not write. Its JSON path is built as it leaves each container, so that a
     * write that succeeds builds none.
     */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String reason;
        private final Deque<String> segments = new ArrayDeque<>();

        Refused(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }

        Refused under(String segment) {
            segments.addFirst(segment);
            return this;
        }

        String path() {
            return "$" + String.join("", segments);
        }
    }
}
