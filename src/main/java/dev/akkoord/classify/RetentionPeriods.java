package dev.akkoord.classify;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the free-text retention periods of the Open Cookie Database and buckets lifetimes for the model. */
final class RetentionPeriods {

    private static final long MINUTE = 60;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long YEAR = 365 * DAY;
    private static final long FOREVER = 100 * YEAR;

    private static final Pattern AMOUNT = Pattern.compile("(\\d+)\\s*(sec|min|hour|day|week|month|year|y\\b|w\\b)");

    private RetentionPeriods() {
    }

    /** Seconds for "2 years", "30 minutes"; {@link CookieFacts#SESSION} for "session"; {@code null} when unreadable. */
    static Long parseRetention(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("session") || t.startsWith("end of session") || t.equals("seesion") || t.equals("sessions")) {
            return CookieFacts.SESSION;
        }
        if (t.startsWith("forever") || t.startsWith("unlimited") || t.startsWith("permanent") || t.startsWith("persistent")
                || t.startsWith("no expiration")) {
            return FOREVER;
        }
        Matcher m = AMOUNT.matcher(t);
        if (!m.find()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "sec" -> n;
            case "min" -> n * MINUTE;
            case "hour" -> n * HOUR;
            case "day" -> n * DAY;
            case "week", "w" -> n * 7 * DAY;
            case "month" -> n * 30 * DAY;
            default -> n * YEAR;
        };
    }

    /** A coarse bucket name: unknown, session, minutes, hours, days, weeks, months, year, years. */
    static String bucket(Long seconds) {
        if (seconds == null) {
            return "unknown";
        }
        long s = seconds;
        if (s <= CookieFacts.SESSION) {
            return "session";
        }
        if (s <= HOUR) {
            return "minutes";
        }
        if (s <= DAY) {
            return "hours";
        }
        if (s <= 8 * DAY) {
            return "days";
        }
        if (s <= 45 * DAY) {
            return "weeks";
        }
        if (s <= 200 * DAY) {
            return "months";
        }
        if (s <= 400 * DAY) {
            return "year";
        }
        return "years";
    }
}
