package dev.akkoord.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

import dev.akkoord.web.ProblemException;

/** How consent counts are bucketed: per UTC day, or per ISO week (Monday to Sunday). */
public enum Granularity {
    DAY, WEEK;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The first day of the bucket holding {@code day}. */
    LocalDate bucketOf(LocalDate day) {
        return this == DAY ? day : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    LocalDate next(LocalDate bucket) {
        return this == DAY ? bucket.plusDays(1) : bucket.plusWeeks(1);
    }

    public static Granularity fromKey(String key) {
        if (key == null || key.isBlank()) {
            return DAY;
        }
        for (Granularity granularity : values()) {
            if (granularity.key().equals(key)) {
                return granularity;
            }
        }
        throw ProblemException.badRequest("'by' must be 'day' or 'week'");
    }
}
