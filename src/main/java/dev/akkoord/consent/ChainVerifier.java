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
 * Recomputes a site's hash chain over a time range. An edited record no longer matches its hash; a deleted one
 * leaves a gap in the sequence and a broken link; a deleted tail no longer reaches the chain head. After a retention
 * purge the chain starts at the anchor the purge left behind.
 */
@ApplicationScoped
public class ChainVerifier {

    private static final int PAGE = 1000;
    private static final int MAX_PROBLEMS = 100;

    private final Pool pool;

    ChainVerifier(Pool pool) {
        this.pool = pool;
    }

    public record Problem(long seq, String problem) {
    }

    public record Report(UUID siteId, boolean intact, long firstSeq, long lastSeq, long checked, Long anchorSeq,
            List<Problem> problems) {
    }

    private static final class Walk {
        final List<Problem> problems = new ArrayList<>();
        long expectedSeq;
        String expectedPrev;
        long checked;

        void problem(long seq, String text) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new Problem(seq, text));
            }
        }
    }

    public Uni<Report> verify(UUID siteId, Instant from, Instant to, boolean openEnded) {
        Uni<Row> anchor = single("SELECT seq, hash FROM consent_chain_anchors WHERE site_id = $1", Tuple.of(siteId));
        Uni<Row> head = single("SELECT seq, hash FROM consent_chain_heads WHERE site_id = $1", Tuple.of(siteId));
        Uni<Row> range = single("SELECT min(seq) AS first, max(seq) AS last FROM consent_records WHERE site_id = $1 "
                + "AND recorded_at >= $2 AND recorded_at < $3",
                Tuple.of(siteId, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)));
        return Uni.combine().all().unis(anchor, head, range).asTuple().flatMap(found -> {
            long anchorSeq = found.getItem1() == null ? 0 : found.getItem1().getLong("seq");
            String anchorHash = found.getItem1() == null ? ChainHash.GENESIS : found.getItem1().getString("hash");
            long headSeq = found.getItem2() == null ? 0 : found.getItem2().getLong("seq");
            Long first = found.getItem3().getLong("first");
            Long last = found.getItem3().getLong("last");
            Long anchorReported = found.getItem1() == null ? null : anchorSeq;
            if (first == null) {
                // Nothing recorded in the range; an open range must still end at the head.
                Walk walk = new Walk();
                if (openEnded && headSeq > anchorSeq) {
                    return checkTail(siteId, walk, anchorSeq, anchorHash, headSeq, from)
                            .map(ignored -> report(siteId, walk, 0, 0, anchorReported));
                }
                return Uni.createFrom().item(report(siteId, walk, 0, 0, anchorReported));
            }
            long end = openEnded ? Math.max(last, headSeq) : last;
            Walk walk = new Walk();
            walk.expectedSeq = first;
            return startingLink(siteId, first, anchorSeq, anchorHash, walk)
                    .flatMap(ignored -> walkPages(siteId, first, end, walk))
                    .flatMap(ignored -> end < headSeq ? nextLinks(siteId, walk) : Uni.createFrom().voidItem())
                    .map(ignored -> report(siteId, walk, first, end, anchorReported));
        });
    }

    private Uni<Void> startingLink(UUID siteId, long first, long anchorSeq, String anchorHash, Walk walk) {
        if (first <= anchorSeq + 1) {
            walk.expectedSeq = anchorSeq + 1;
            walk.expectedPrev = anchorHash;
            return Uni.createFrom().voidItem();
        }
        return single("SELECT hash FROM consent_records WHERE site_id = $1 AND seq = $2", Tuple.of(siteId, first - 1))
                .invoke(before -> {
                    if (before == null) {
                        walk.problem(first - 1, "record " + (first - 1) + " before the range is missing");
                    } else {
                        walk.expectedPrev = before.getString("hash");
                    }
                }).replaceWithVoid();
    }

    private Uni<Void> walkPages(UUID siteId, long fromSeq, long toSeq, Walk walk) {
        return pool.preparedQuery("SELECT " + ConsentRows.COLUMNS + " FROM consent_records WHERE site_id = $1 "
                + "AND seq >= $2 AND seq <= $3 ORDER BY seq LIMIT " + PAGE)
                .execute(Tuple.of(siteId, fromSeq, toSeq))
                .flatMap(rows -> {
                    long lastSeen = fromSeq - 1;
                    for (Row row : rows) {
                        ConsentRecord record = ConsentRows.record(row);
                        check(record, walk);
                        lastSeen = record.seq();
                    }
                    if (rows.size() == PAGE && lastSeen < toSeq) {
                        return walkPages(siteId, lastSeen + 1, toSeq, walk);
                    }
                    if (walk.expectedSeq <= toSeq) {
                        walk.problem(walk.expectedSeq, "records " + walk.expectedSeq + ".." + toSeq + " are missing");
                    }
                    return Uni.createFrom().voidItem();
                });
    }

    private static void check(ConsentRecord record, Walk walk) {
        walk.checked++;
        if (record.seq() != walk.expectedSeq) {
            walk.problem(walk.expectedSeq, "records " + walk.expectedSeq + ".." + (record.seq() - 1) + " are missing");
        }
        if (walk.expectedPrev != null && !walk.expectedPrev.equals(record.prevHash())) {
            walk.problem(record.seq(), "record " + record.seq() + " does not link to the record before it");
        }
        if (!ChainHash.of(record).equals(record.hash())) {
            walk.problem(record.seq(), "record " + record.seq() + " (id " + record.recordId()
                    + ") was altered: its content no longer matches its hash");
        }
        walk.expectedSeq = record.seq() + 1;
        walk.expectedPrev = record.hash();
    }

    /** The record after a closed range must still link to the range's last record. */
    private Uni<Void> nextLinks(UUID siteId, Walk walk) {
        long next = walk.expectedSeq;
        return single("SELECT prev_hash FROM consent_records WHERE site_id = $1 AND seq = $2", Tuple.of(siteId, next))
                .invoke(row -> {
                    if (row == null) {
                        walk.problem(next, "record " + next + " after the range is missing");
                    } else if (!row.getString("prev_hash").equals(walk.expectedPrev)) {
                        walk.problem(next, "record " + next + " does not link to the end of the range");
                    }
                }).replaceWithVoid();
    }

    private Uni<Void> checkTail(UUID siteId, Walk walk, long anchorSeq, String anchorHash, long headSeq,
            Instant from) {
        return single("SELECT max(seq) AS last FROM consent_records WHERE site_id = $1 AND recorded_at < $2",
                Tuple.of(siteId, from.atOffset(ZoneOffset.UTC)))
                .invoke(row -> {
                    Long lastBefore = row.getLong("last");
                    long reached = lastBefore == null ? anchorSeq : lastBefore;
                    if (reached < headSeq) {
                        walk.problem(reached + 1, "records " + (reached + 1) + ".." + headSeq + " are missing");
                    }
                }).replaceWithVoid();
    }

    private static Report report(UUID siteId, Walk walk, long first, long last, Long anchorSeq) {
        return new Report(siteId, walk.problems.isEmpty(), first, last, walk.checked, anchorSeq,
                List.copyOf(walk.problems));
    }

    private Uni<Row> single(String sql, Tuple arguments) {
        return pool.preparedQuery(sql).execute(arguments).map(ChainVerifier::firstOrNull);
    }

    private static Row firstOrNull(RowSet<Row> rows) {
        return rows.size() == 0 ? null : rows.iterator().next();
    }
}
