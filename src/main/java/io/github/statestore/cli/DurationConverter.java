package io.github.statestore.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration written as a whole number and a unit ({@code 500ms}, {@code 90s}, {@code 15m}, {@code 1h},
 * {@code 7d}) or in ISO-8601 ({@code PT1H}, {@code P7D}); it must be positive. A number without a unit is
 * refused rather than guessed. Anything else is a usage error naming the value (picocli adds the option).
 * Stateless.
 */
final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern WITH_UNIT = Pattern.compile("(\\d{1,18})(ms|s|m|h|d)");

    @Override
    public Duration convert(String value) {
        Duration duration = parse(value.strip());
        if (duration == null) {
            throw new TypeConversionException("'" + value + "' is not a duration such as 500ms, 90s, 15m, 1h, 7d"
                    + " or PT1H");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new TypeConversionException("'" + value + "' is not a positive duration");
        }
        return duration;
    }

    private static Duration parse(String value) {
        Matcher m = WITH_UNIT.matcher(value.toLowerCase(Locale.ROOT));
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            return Duration.parse(value);
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }
}
