package dev.akkoord.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Consent counts of a site over a range of days, bucketed, with the whole range's total. */
public record ConsentStats(UUID siteId, LocalDate from, LocalDate to, Granularity by, List<Bucket> buckets,
        Bucket total) {
}
