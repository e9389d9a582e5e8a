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
 * naming its JSON path. The checks cost a length comparison per value and a scan of each object key; the path
 * is put together only for the error. Stateless and thread-safe.
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
        return render(value, true, refused -> new InvalidStateException(refused.path, refused.reason));
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
        return render(document, true, refused -> new InvalidStateException(key, refused.path, refused.reason))
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
        return render(value, false, refused -> new InvalidStateException(refused.path, refused.reason));
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
        return render(value, false, refused -> new InvalidStateException(key, path, "a secret whose value holds "
                + refused.reason));
    }

    /** Writes pretty or compact; turns a refusal into the caller's exception. */
    private static String render(Object value, boolean pretty, Function<Refused, InvalidStateException> error) {
        StringBuilder out = new StringBuilder(pretty ? 256 : 64);
        try {
            new Writing(out, pretty).write(value);
        } catch (Refused refused) {
            throw error.apply(refused);
        }
        return out.toString();
    }

    /**
     * One write. It keeps the containers it is inside on a stack of its own instead of recursing, so that a
     * document nested to {@link JsonLimits#MAX_DEPTH} needs no more of the calling thread's stack than a flat
     * one (the recursive writer it replaced needed up to 660 KB of stack for 1,000 levels in a cold JVM, and
     * overflowed a test thread's 1 MB). Not thread-safe.
     */
    private static final class Writing {
        private final StringBuilder out;
        private final boolean pretty;
        private final Deque<Container> open = new ArrayDeque<>();

        Writing(StringBuilder out, boolean pretty) {
            this.out = out;
            this.pretty = pretty;
        }

        void write(Object root) {
            Object value = root;
            while (true) {
                value(value);
                Container innermost;
                while ((innermost = open.peek()) != null && !innermost.hasNext()) {
                    open.pop();
                    newline();
                    out.append(innermost.closing);
                }
                if (innermost == null) {
                    return;
                }
                value = next(innermost);
            }
        }

        /** Writes a scalar or an empty container, or opens a container whose members follow. */
        private void value(Object value) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof String s) {
                if (s.length() > JsonLimits.MAX_STRING_LENGTH) {
                    throw refused("a string of " + s.length() + " characters; the limit is "
                            + JsonLimits.MAX_STRING_LENGTH, true);
                }
                quote(s, out);
            } else if (value instanceof Boolean b) {
                out.append(b.booleanValue());
            } else if (value instanceof Number n) {
                number(n);
            } else if (value instanceof Map<?, ?> map) {
                open(map.isEmpty() ? null : new Container(map.entrySet().iterator(), null, '}'), "{}");
            } else if (value instanceof List<?> list) {
                open(list.isEmpty() ? null : new Container(null, list, ']'), "[]");
            } else if (value instanceof Secret) {
                throw refused("holds a Secret, which only a store opened with a password can write (encrypted)", true);
            } else {
                throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
            }
        }

        /** Only a {@code BigInteger} can come near the limit: a double has at most 17 digits and an exponent. */
        private void number(Number n) {
            String text = JsNumbers.format(n);
            int digits = text.charAt(0) == '-' ? text.length() - 1 : text.length();
            if (digits > JsonLimits.MAX_NUMBER_DIGITS) {
                throw refused("a number of " + digits + " digits; the limit is " + JsonLimits.MAX_NUMBER_DIGITS, true);
            }
            out.append(text);
        }

        /** Opens a container, or writes {@code empty} for one without members ({@code null}). */
        private void open(Container container, String empty) {
            int depth = open.size() + 1;
            if (depth > JsonLimits.MAX_DEPTH) {
                throw refused("an object or array nested " + depth + " deep (the outermost is 1 deep); the limit is "
                        + JsonLimits.MAX_DEPTH, true);
            }
            if (container == null) {
                out.append(empty);
            } else {
                out.append(empty.charAt(0));
                open.push(container);
            }
        }

        /** Writes what comes before the container's next member (and, in an object, its name); returns it. */
        private Object next(Container container) {
            if (container.count > 0) {
                out.append(',');
            }
            newline();
            if (container.entries == null) {
                return container.elements.get(container.count++);
            }
            Map.Entry<?, ?> e = container.entries.next();
            String name = (String) e.getKey();
            checkName(name);
            quote(name, out);
            out.append(pretty ? ": " : ":");
            container.name = name;
            container.count++;
            return e.getValue();
        }

        /**
         * Refuses an object key of more than {@link JsonLimits#MAX_NAME_BYTES} bytes in UTF-8 (a key of at most a
         * third of that in characters is not counted), or one with an unpaired surrogate: Jackson reads such a
         * string as a value but not as a key.
         */
        private void checkName(String name) {
            if (name.length() > JsonLimits.MAX_NAME_BYTES / 3) {
                long bytes = 0;
                for (int i = 0; i < name.length(); i++) {
                    char c = name.charAt(i);
                    bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
                }
                if (bytes > JsonLimits.MAX_NAME_BYTES) {
                    throw refused("an object key of " + bytes + " bytes (UTF-8); the limit is "
                            + JsonLimits.MAX_NAME_BYTES, false);
                }
            }
            for (int i = 0; i < name.length(); i++) {
                if (Character.isSurrogate(name.charAt(i)) && isLoneSurrogate(name, i)) {
                    throw refused(String.format(Locale.ROOT, "an object key with an unpaired surrogate (\\u%04x at "
                            + "index %d), which does not read back", (int) name.charAt(i), i), false);
                }
            }
        }

        private void newline() {
            if (pretty) {
                out.append('\n');
                for (int i = open.size(); i > 0; i--) {
                    out.append("  ");
                }
            }
        }

        /**
         * Refuses a value: the current member of the innermost container ({@code member}), or the innermost
         * container itself. Only now is the JSON path put together.
         */
        Refused refused(String reason, boolean member) {
            StringBuilder path = new StringBuilder("$");
            Iterator<Container> outermostFirst = open.descendingIterator();
            while (outermostFirst.hasNext()) {
                Container container = outermostFirst.next();
                if (member || outermostFirst.hasNext()) {
                    path.append(container.entries != null ? "." + container.name : "[" + (container.count - 1) + "]");
                }
            }
            return new Refused(reason, path.toString());
        }
    }

    /** An object or array being written: its members so far, and the current one's name in an object. */
    private static final class Container {
        final Iterator<? extends Map.Entry<?, ?>> entries;
        final List<?> elements;
        final char closing;
        int count;
        String name;

        Container(Iterator<? extends Map.Entry<?, ?>> entries, List<?> elements, char closing) {
            this.entries = entries;
            this.elements = elements;
            this.closing = closing;
        }

        boolean hasNext() {
            return entries != null ? entries.hasNext() : count < elements.size();
        }
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

    /** A value {@link JsonText} will not write, and its JSON path. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String reason;
        private final String path;

        Refused(String reason, String path) {
            super(reason, null, false, false);
            this.reason = reason;
            this.path = path;
        }
    }
}
