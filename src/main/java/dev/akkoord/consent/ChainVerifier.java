package dev.akkoord.consent;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Recomputes a site's hash chain over a time range. An edited record no longer matches its hash; a deleted one
 * leaves a gap in the sequence and a broken link; a deleted tail no longer reaches the chain head. After a retention
 * purge the chain starts at the anchor the purge left behind. Then the whole chain is held against its signed
 * checkpoints ({@link CheckpointCheck}), which catch what a database superuser can do: rewrite records and recompute
 * the chain after them, cut off the tail and move the head, or replace the start with a forged anchor.
 */
@ApplicationScoped
public class ChainVerifier {

    private static final int PAGE = 1000;
    private static final int MAX_PROBLEMS = 100;

    private final Pool pool;
    private final Checkpointer checkpointer;
    private final SigningKeys keys;

    ChainVerifier(Pool pool, Checkpointer checkpointer, SigningKeys keys) {
        this.pool = pool;
        this.checkpointer = checkpointer;
        this.keys = keys;
    }

    public record Problem(long seq, String problem) {
    }

    /** {@code signedCheckpoints}: how many checkpoints with a good signature the chain was held against. */
    public record Report(UUID siteId, boolean intact, long firstSeq, long lastSeq, long checked, Long anchorSeq,
            int signedCheckpoints, List<Problem> problems) {
    }

    /** A walk along a chain in seq order; the offline verifier walks an export with it too. */
    static final class Walk {
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
            String anchorHashReported = found.getItem1() == null ? null : anchorHash;
            Walk walk = new Walk();
            Uni<long[]> walked;
            if (first == null) {
                walked = checkEmptyRange(siteId, walk, anchorSeq, headSeq, from, to, openEnded)
                        .map(ignored -> new long[] {0, 0});
            } else {
                long end = openEnded ? Math.max(last, headSeq) : last;
                walk.expectedSeq = first;
                walked = startingLink(siteId, first, anchorSeq, anchorHash, walk)
                        .flatMap(ignored -> walkPages(siteId, first, end, walk))
                        .flatMap(ignored -> end < headSeq ? nextLinks(siteId, walk) : Uni.createFrom().voidItem())
                        .map(ignored -> new long[] {first, end});
            }
            return walked.flatMap(span -> againstCheckpoints(siteId, anchorReported, anchorHashReported, headSeq, walk)
                    .map(signed -> report(siteId, walk, span[0], span[1], anchorReported, signed)));
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

    /** One record: in its place, linked to the one before, and still matching its hash. */
    static void check(ConsentRecord record, Walk walk) {
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

    /**
     * A range without records is only intact if nothing was taken out of it: the last record before it must be
     * followed directly by the first record after it (or, for an open range, be the chain head).
     */
    private Uni<Void> checkEmptyRange(UUID siteId, Walk walk, long anchorSeq, long headSeq, Instant from, Instant to,
            boolean openEnded) {
        return single("SELECT (SELECT max(seq) FROM consent_records WHERE site_id = $1 AND recorded_at < $2) AS before, "
                + "(SELECT min(seq) FROM consent_records WHERE site_id = $1 AND recorded_at >= $3) AS after",
                Tuple.of(siteId, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)))
                .invoke(row -> {
                    Long before = row.getLong("before");
                    Long after = row.getLong("after");
                    long reached = before == null ? anchorSeq : Math.max(before, anchorSeq);
                    long next = openEnded || after == null ? headSeq + 1 : after;
                    if (next > reached + 1) {
                        walk.problem(reached + 1, "records " + (reached + 1) + ".." + (next - 1) + " are missing");
                    }
                }).replaceWithVoid();
    }

    private static Report report(UUID siteId, Walk walk, long first, long last, Long anchorSeq, int signed) {
        return new Report(siteId, walk.problems.isEmpty(), first, last, walk.checked, anchorSeq, signed,
                List.copyOf(walk.problems));
    }

    /**
     * Holds the chain against every checkpoint in the database and in the log file outside it (one missing from the
     * database was deleted there); returns how many had a good signature.
     */
    private Uni<Integer> againstCheckpoints(UUID siteId, Long anchorSeq, String anchorHash, long headSeq, Walk walk) {
        Uni<PublicKeys> publicKeys = Uni.createFrom().item(keys::verifying)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()); // reads the key directory
        return Uni.combine().all().unis(checkpointer.stored(siteId), checkpointer.inLogFile(siteId), publicKeys)
                .asTuple().flatMap(both -> {
                    Map<String, Checkpoint> all = new LinkedHashMap<>();
                    both.getItem1().forEach(cp -> all.put(identity(cp), cp));
                    for (Checkpoint cp : both.getItem2()) {
                        if (all.putIfAbsent(identity(cp), cp) == null) {
                            walk.problem(cp.seq(), "the checkpoint of record " + cp.seq() + " signed at "
                                    + cp.signedAt() + " is in the log file but not in the database: it was deleted "
                                    + "there");
                        }
                    }
                    List<Checkpoint> checkpoints = List.copyOf(all.values());
                    Long[] seqs = checkpoints.stream().map(Checkpoint::seq).distinct().toArray(Long[]::new);
                    return pool.preparedQuery("SELECT seq, hash FROM consent_records WHERE site_id = $1 "
                            + "AND seq = ANY($2)").execute(Tuple.of(siteId, seqs))
                            .map(rows -> {
                                Map<Long, String> hashAt = new HashMap<>();
                                rows.forEach(r -> hashAt.put(r.getLong("seq"), r.getString("hash")));
                                CheckpointCheck.Chain chain = new CheckpointCheck.Chain(anchorSeq, anchorHash, headSeq,
                                        hashAt);
                                CheckpointCheck.Result result = CheckpointCheck.check(chain, checkpoints,
                                        both.getItem3());
                                result.problems().forEach(p -> walk.problem(p.seq(), p.problem()));
                                return result.signed();
                            });
                });
    }

    private static String identity(Checkpoint cp) {
        return cp.kind() + "|" + cp.seq() + "|" + cp.keyId() + "|" + cp.signature();
    }

    private Uni<Row> single(String sql, Tuple arguments) {
        return pool.preparedQuery(sql).execute(arguments).map(ChainVerifier::firstOrNull);
    }

    private static Row firstOrNull(RowSet<Row> rows) {
        return rows.size() == 0 ? null : rows.iterator().next();
    }
}
