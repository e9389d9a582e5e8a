package io.github.statestore;

import io.github.statestore.internal.Arguments;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Typed access to Alchemy's tagged values, which a {@link State} keeps as one-entry maps:
 * {@code {"@date": "1970-01-01T00:00:00.000Z"}} for a JavaScript {@code Date} and
 * {@code {"@buffer": "<base64>"}} for bytes. The other tags ({@code @symbol}, {@code @schema},
 * {@code @scope}) are kept as they are, with no accessor.
 *
 * <pre>{@code
 * Map<String, Object> output = Map.of("createdAt", TaggedValues.date(Instant.now()));
 * Instant createdAt = TaggedValues.asDate(state.output().get("createdAt"));
 * }</pre>
 *
 * Stateless and thread-safe.
 */
public final class TaggedValues {
    /** The tag of a date. */
    public static final String DATE = "@date";
    /** The tag of bytes. */
    public static final String BUFFER = "@buffer";
    /** {@code Date.toISOString()} after the year, which it writes by {@link #jsYear}. */
    private static final DateTimeFormatter JS_ISO_AFTER_YEAR =
            DateTimeFormatter.ofPattern("-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** The latest instant a JavaScript {@code Date} holds: 8.64e15 ms after 1970; the earliest is its opposite. */
    private static final Instant JS_MAX = Instant.ofEpochMilli(8_640_000_000_000_000L);
    private static final Instant JS_MIN = Instant.ofEpochMilli(-8_640_000_000_000_000L);

    private TaggedValues() {
    }

    /**
     * A date as Alchemy stores one: {@code Date.toISOString()}'s form, in UTC with milliseconds; years
     * outside 0 to 9999 with a sign and six digits, as JavaScript writes them ({@code +010000-01-01T…}).
     *
     * @param instant the instant; precision below a millisecond is dropped, as JavaScript has none
     * @return {@code {"@date": "…Z"}}
     * @throws InvalidArgumentException if the instant is null, or outside a JavaScript {@code Date}'s range,
     *     8.64e15 ms either side of 1970 (years -271821 to 275760), which Alchemy could not read
     */
    public static Map<String, Object> date(Instant instant) {
        Instant millis = Arguments.notNull(instant, "instant").truncatedTo(ChronoUnit.MILLIS);
        if (millis.isBefore(JS_MIN) || millis.isAfter(JS_MAX)) {
            throw new InvalidArgumentException("instant", instant + " is outside the range of a JavaScript Date ("
                    + JS_MIN + " to " + JS_MAX + ")");
        }
        return Map.of(DATE, jsYear(millis.atOffset(ZoneOffset.UTC).getYear()) + JS_ISO_AFTER_YEAR.format(millis));
    }

    private static String jsYear(int year) {
        return year >= 0 && year <= 9999 ? String.format(Locale.ROOT, "%04d", year)
                : (year < 0 ? "-" : "+") + String.format(Locale.ROOT, "%06d", Math.abs(year));
    }

    /**
     * Reads a date.
     *
     * @param value a value of a state, such as {@code state.output().get("createdAt")}
     * @return the instant
     * @throws InvalidStateException if the value is not a {@code @date} tag with an ISO-8601 instant
     */
    public static Instant asDate(Object value) {
        String text = tagged(value, DATE);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidStateException(DATE, "'" + text + "' is not an ISO-8601 instant");
        }
    }

    /**
     * Bytes as Alchemy stores a Node.js {@code Buffer}.
     *
     * @param bytes the bytes (copied into base64)
     * @return {@code {"@buffer": "<base64>"}}
     */
    public static Map<String, Object> buffer(byte[] bytes) {
        return Map.of(BUFFER, Base64.getEncoder().encodeToString(Arguments.notNull(bytes, "bytes")));
    }

    /**
     * Reads bytes.
     *
     * @param value a value of a state
     * @return a new array of the bytes
     * @throws InvalidStateException if the value is not a {@code @buffer} tag with base64 text
     */
    public static byte[] asBuffer(Object value) {
        String text = tagged(value, BUFFER);
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidStateException(BUFFER, "'" + text + "' is not base64");
        }
    }

    /**
     * Whether a value is a tagged value with the given tag.
     *
     * @param value any value of a state
     * @param tag such as {@link #DATE}
     * @return {@code true} for a one-entry map holding {@code tag}
     */
    public static boolean isTagged(Object value, String tag) {
        return value instanceof Map<?, ?> map && map.size() == 1 && map.containsKey(tag);
    }

    private static String tagged(Object value, String tag) {
        if (!isTagged(value, tag) || !(((Map<?, ?>) value).get(tag) instanceof String text)) {
            throw new InvalidStateException(tag, "expected {\"" + tag + "\": \"…\"}, found " + describe(value));
        }
        return text;
    }

    private static String describe(Object value) {
        return value == null ? "null" : value instanceof Map<?, ?> map ? "a map with keys " + map.keySet()
                : "a " + value.getClass().getSimpleName();
    }
}
