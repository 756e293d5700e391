package dev.akkoord.scan;

/** Cookie lifetimes in words, for banners and reports: "session", "30 minutes", "1 day", "13 months", "2 years". */
final class LifetimeWords {

    private static final long MINUTE = 60;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private LifetimeWords() {
    }

    static String describe(Long seconds) {
        if (seconds == null) {
            return "session";
        }
        if (seconds < MINUTE) {
            return plural(seconds, "second");
        }
        if (seconds < HOUR) {
            return plural(Math.round(seconds / (double) MINUTE), "minute");
        }
        if (seconds < DAY) {
            return plural(Math.round(seconds / (double) HOUR), "hour");
        }
        long days = Math.round(seconds / (double) DAY);
        if (days < 60) {
            return plural(days, "day");
        }
        if (days < 730) {
            return plural(Math.round(days / 30.44), "month");
        }
        return plural(Math.round(days / 365.25), "year");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
