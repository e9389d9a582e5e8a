package io.github.statestore.internal;

import io.github.statestore.InvalidStateException;
import io.github.statestore.secret.Secret;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes plain Java values (maps, lists, strings, numbers, booleans, {@code null}) exactly as JavaScript's
 * {@code JSON.stringify(value, null, 2)} writes the same value, so that documents we write back are
 * byte-identical to Alchemy's: two-space indent, {@code "key": value}, {@code {}} and {@code []} for empty
 * containers, JavaScript's number formatting and string escaping, no trailing newline.
 * Stateless and thread-safe.
 */
public final class JsonText {
    private JsonText() {
    }

    /**
     * Writes a value as pretty-printed JSON.
     *
     * @param value a map, list, string, number, boolean or {@code null}; maps must have string keys
     * @return the JSON text
     * @throws IllegalArgumentException for a value of any other type, or a non-finite number
     */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out, "");
        return out.toString();
    }

    /**
     * Writes a value as compact JSON, as {@code JSON.stringify(value)} does.
     *
     * @param value a map, list, string, number, boolean or {@code null}; maps must have string keys
     * @return the JSON text, without any white space between tokens
     * @throws IllegalArgumentException for a value of any other type, or a non-finite number
     */
    public static String writeCompact(Object value) {
        StringBuilder out = new StringBuilder(64);
        write(value, out, null);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out, String indent) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            quote(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Number n) {
            out.append(JsNumbers.format(n));
        } else if (value instanceof Map<?, ?> map) {
            writeObject(map, out, indent);
        } else if (value instanceof List<?> list) {
            writeArray(list, out, indent);
        } else if (value instanceof Secret) {
            throw new InvalidStateException("$", "holds a Secret, which only a store opened with a password can "
                    + "write (encrypted)");
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
        }
    }

    private static void writeObject(Map<?, ?> map, StringBuilder out, String indent) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        String inner = indent == null ? null : indent + "  ";
        out.append(indent == null ? "{" : "{\n");
        Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            out.append(inner == null ? "" : inner);
            quote((String) e.getKey(), out);
            out.append(indent == null ? ":" : ": ");
            write(e.getValue(), out, inner);
            out.append(separator(it.hasNext(), indent));
        }
        out.append(indent == null ? "" : indent).append('}');
    }

    private static void writeArray(List<?> list, StringBuilder out, String indent) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        String inner = indent == null ? null : indent + "  ";
        out.append(indent == null ? "[" : "[\n");
        for (int i = 0; i < list.size(); i++) {
            out.append(inner == null ? "" : inner);
            write(list.get(i), out, inner);
            out.append(separator(i + 1 < list.size(), indent));
        }
        out.append(indent == null ? "" : indent).append(']');
    }

    /** What follows a member: a comma if more follow, and a newline when pretty ({@code indent} not null). */
    private static String separator(boolean more, String indent) {
        return (more ? "," : "") + (indent == null ? "" : "\n");
    }

    /** Quotes a string as {@code JSON.stringify} does (ES2019 well-formed: lone surrogates escaped). */
    static void quote(String s, StringBuilder out) {
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
}
