package dev.akkoord.consent;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads of the ledger: a visitor's history, a site's log page by page, and the whole log as a stream. */
@ApplicationScoped
public class ConsentQueries {

    private static final String RANGE = " FROM consent_records WHERE site_id = $1 AND recorded_at >= $2 "
            + "AND recorded_at < $3";

    private final Pool pool;

    ConsentQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<ConsentRecord>> history(String consentId) {
        return pool.preparedQuery("SELECT " + ConsentRows.COLUMNS + " FROM consent_records WHERE consent_id = $1 "
                + "ORDER BY recorded_at, id LIMIT 10000")
                .execute(Tuple.of(consentId))
                .map(ConsentQueries::records);
    }

    /** The newest record of a visitor on one site (by chain order), or null: what its other domains follow. */
    public Uni<ConsentRecord> latest(String consentId, UUID siteId) {
        return pool.preparedQuery("SELECT " + ConsentRows.COLUMNS + " FROM consent_records WHERE consent_id = $1 "
                + "AND site_id = $2 ORDER BY seq DESC LIMIT 1")
                .execute(Tuple.of(consentId, siteId))
                .map(rows -> {
                    List<ConsentRecord> records = records(rows);
                    return records.isEmpty() ? null : records.get(0);
                });
    }

    /** One page of a site's log in record order; {@code afterId} is the cursor (0 for the first page). */
    public Uni<List<ConsentRecord>> page(UUID siteId, Instant from, Instant to, long afterId, int limit) {
        return pool.preparedQuery("SELECT " + ConsentRows.COLUMNS + RANGE + " AND id > $4 ORDER BY id LIMIT $5")
                .execute(Tuple.of(siteId, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC), afterId, limit))
                .map(ConsentQueries::records);
    }

    /** The whole range, fetched page by page as the consumer asks for more, so memory stays flat. */
    public Multi<ConsentRecord> stream(UUID siteId, Instant from, Instant to) {
        int pageSize = 1000;
        return Multi.createBy().repeating()
                .uni(() -> new long[] {0}, cursor -> page(siteId, from, to, cursor[0], pageSize)
                        .invoke(records -> {
                            if (!records.isEmpty()) {
                                cursor[0] = records.get(records.size() - 1).recordId();
                            }
                        }))
                .whilst(records -> records.size() == pageSize)
                .onItem().disjoint();
    }

    private static List<ConsentRecord> records(Iterable<Row> rows) {
        List<ConsentRecord> records = new ArrayList<>();
        for (Row row : rows) {
            records.add(ConsentRows.record(row));
        }
        return records;
    }
}
