package dev.akkoord.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.akkoord.consent.ConsentAction;
import dev.akkoord.web.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads the pre-aggregated counts that the database keeps for every consent record (see V31). */
@ApplicationScoped
public class ConsentAnalytics {

    /** Enough for three years of daily figures; the table holds a few rows per day, so this stays cheap. */
    static final int MAX_DAYS = 1100;

    private final Pool pool;

    ConsentAnalytics(Pool pool) {
        this.pool = pool;
    }

    /** Counts from {@code from} to {@code to}, both inclusive (UTC days); every bucket of the range is present. */
    public Uni<ConsentStats> stats(UUID siteId, LocalDate from, LocalDate to, Granularity by) {
        if (from.isAfter(to)) {
            return Uni.createFrom().failure(ProblemException.badRequest("'from' must not be after 'to'"));
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            return Uni.createFrom().failure(ProblemException.badRequest(
                    "A range may span at most " + MAX_DAYS + " days"));
        }
        return pool.preparedQuery("SELECT date_trunc($4, day::timestamp)::date AS bucket, action, analytical, marketing, "
                + "sum(count)::bigint AS n FROM consent_daily_counts WHERE site_id = $1 AND day >= $2 AND day <= $3 "
                + "GROUP BY 1, 2, 3, 4")
                .execute(Tuple.of(siteId, from, to, by.key()))
                .map(rows -> {
                    Map<LocalDate, Tally> tallies = new TreeMap<>();
                    for (LocalDate bucket = by.bucketOf(from); !bucket.isAfter(to); bucket = by.next(bucket)) {
                        tallies.put(bucket, new Tally());
                    }
                    Tally total = new Tally();
                    for (Row row : rows) {
                        Tally tally = tallies.computeIfAbsent(row.getLocalDate("bucket"), day -> new Tally());
                        tally.add(row);
                        total.add(row);
                    }
                    List<Bucket> buckets = new ArrayList<>();
                    tallies.forEach((start, tally) -> buckets.add(tally.toBucket(start)));
                    return new ConsentStats(siteId, from, to, by, buckets, total.toBucket(from));
                });
    }

    /** Running sums while reading rows. */
    private static final class Tally {
        final Map<String, Long> byAction = new LinkedHashMap<>();
        long decisions;
        long analytical;
        long marketing;

        Tally() {
            for (ConsentAction action : ConsentAction.values()) {
                byAction.put(action.key(), 0L);
            }
        }

        void add(Row row) {
            String action = row.getString("action");
            long n = row.getLong("n");
            byAction.merge(action, n, Long::sum);
            // A record taken over from another domain repeats a choice counted where it was made.
            if (!ConsentAction.GPC.key().equals(action) && !ConsentAction.CROSS_DOMAIN.key().equals(action)) {
                decisions += n;
                analytical += row.getBoolean("analytical") ? n : 0;
                marketing += row.getBoolean("marketing") ? n : 0;
            }
        }

        Bucket toBucket(LocalDate start) {
            return new Bucket(start, Map.copyOf(byAction), decisions, analytical, marketing);
        }
    }
}
