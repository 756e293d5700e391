package dev.akkoord.consent;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The consent log as the dashboard pages through it (the query lives with the table's owner): newest first, filtered
 * by time range and action, or all records of one consent id. Always within one site, so an owner never sees another
 * site's records. Paging is by keyset on (recorded_at, id), which the (site_id, recorded_at) index serves at any
 * depth.
 */
@ApplicationScoped
public class ConsentLogSearch {

    public static final int PAGE_SIZE = 50;
    private static final String COLUMNS = "id, consent_id, recorded_at, action, analytical, marketing, banner_version, "
            + "language, page_url, gpc";

    private final Pool pool;

    ConsentLogSearch(Pool pool) {
        this.pool = pool;
    }

    public record Entry(long id, String consentId, Instant recordedAt, String action, boolean analytical,
            boolean marketing, String bannerVersion, String language, String pageUrl, boolean gpc) {

        /** The keyset cursor of the page that starts after this entry. */
        public String cursor() {
            return recordedAt + "_" + id;
        }
    }

    public record Page(List<Entry> entries, String nextCursor) {
    }

    public Uni<List<Entry>> byConsentId(UUID siteId, String consentId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM consent_records WHERE consent_id = $1 AND site_id = $2 "
                + "ORDER BY recorded_at DESC, id DESC LIMIT 1000")
                .execute(Tuple.of(consentId, siteId)).map(ConsentLogSearch::entries);
    }

    /** @param action null for every action; @param cursor null for the newest page */
    public Uni<Page> page(UUID siteId, Instant from, Instant to, String action, String cursor) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM consent_records WHERE site_id = $1 "
                + "AND recorded_at >= $2 AND recorded_at < $3");
        Tuple arguments = Tuple.of(siteId, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC));
        if (action != null) {
            arguments.addString(action);
            sql.append(" AND action = $").append(arguments.size());
        }
        if (cursor != null) {
            int split = cursor.lastIndexOf('_');
            arguments.addOffsetDateTime(Instant.parse(cursor.substring(0, split)).atOffset(ZoneOffset.UTC));
            arguments.addLong(Long.parseLong(cursor.substring(split + 1)));
            sql.append(" AND (recorded_at, id) < ($").append(arguments.size() - 1).append(", $")
                    .append(arguments.size()).append(')');
        }
        sql.append(" ORDER BY recorded_at DESC, id DESC LIMIT ").append(PAGE_SIZE + 1);
        return pool.preparedQuery(sql.toString()).execute(arguments).map(rows -> {
            List<Entry> entries = entries(rows);
            if (entries.size() <= PAGE_SIZE) {
                return new Page(entries, null);
            }
            List<Entry> shown = entries.subList(0, PAGE_SIZE);
            return new Page(shown, shown.get(PAGE_SIZE - 1).cursor());
        });
    }

    private static List<Entry> entries(RowSet<Row> rows) {
        List<Entry> entries = new ArrayList<>();
        for (Row row : rows) {
            entries.add(new Entry(row.getLong("id"), row.getString("consent_id"),
                    row.getOffsetDateTime("recorded_at").toInstant(), row.getString("action"),
                    row.getBoolean("analytical"), row.getBoolean("marketing"), row.getString("banner_version"),
                    row.getString("language"), row.getString("page_url"), row.getBoolean("gpc")));
        }
        return entries;
    }
}
