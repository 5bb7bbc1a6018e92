package nutriplan.api.access.keys;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import nutriplan.catalog.json.InvalidInputException;

/**
 * The times an admin writes for keys: a period ("90d", "12h", "30m", "0s") or a date or instant
 * ("2027-03-01", "2027-03-01T12:00:00Z"), the same over HTTP and on the command line.
 */
final class Durations {

    private static final Pattern PERIOD = Pattern.compile("(\\d{1,6})([smhd])");
    private static final String EXPECTED = "a period such as 90d, 12h or 30m, or a date (2027-03-01) or instant"
            + " (2027-03-01T12:00:00Z) in UTC";

    private Durations() {
    }

    /** A period: "24h". */
    static Duration period(String field, String text) {
        var match = PERIOD.matcher(text);
        if (!match.matches()) {
            throw InvalidInputException.of(field, "expected a period such as 24h, 30m or 0s, not " + shown(text));
        }
        long amount = Long.parseLong(match.group(1));
        return switch (match.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** When something ends: {@code now} plus a period, or a date (its start, UTC) or an instant. */
    static Instant end(String field, String text, Instant now) {
        if (PERIOD.matcher(text).matches()) {
            return now.plus(period(field, text));
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "expected " + EXPECTED + ", not " + shown(text));
        }
    }

    private static String shown(String text) {
        return "\"" + (text.length() <= 40 ? text : text.substring(0, 40) + "…") + "\"";
    }
}
