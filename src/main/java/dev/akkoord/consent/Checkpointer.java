package dev.akkoord.consent;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.akkoord.web.Outages;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Signs where every site's chain stands, every few seconds for the chains that moved, every N records of a chain
 * (so a busy chain never runs far ahead of its last checkpoint), and at every retention purge the start it leaves.
 * Each checkpoint goes to the database and then to the log file outside it. Instances (or the timer and the N-record
 * rule) may sign the same head at once; the second copy is dropped by the unique key, and so never reaches the log
 * file, where it would pass for a checkpoint deleted from the database.
 */
@ApplicationScoped
public class Checkpointer {

    private static final Logger LOG = Logger.getLogger(Checkpointer.class);

    private static final String UNSIGNED_HEADS = "SELECT h.site_id, h.seq, h.hash FROM consent_chain_heads h "
            + "WHERE h.seq > 0 AND NOT EXISTS (SELECT 1 FROM consent_checkpoints c WHERE c.site_id = h.site_id "
            + "AND c.kind = 'head' AND c.seq = h.seq AND c.hash = h.hash)";
    private static final String INSERT = "INSERT INTO consent_checkpoints (site_id, kind, seq, hash, signed_at, "
            + "key_id, signature) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (site_id, kind, seq, key_id) DO NOTHING";

    private final Pool pool;
    private final Vertx vertx;
    private final SigningKeys keys;
    private final CheckpointLog log;
    private final Outages outages;
    private final long everyRecords;

    Checkpointer(Pool pool, Vertx vertx, SigningKeys keys, Outages outages,
            @ConfigProperty(name = "akkoord.evidence.checkpoint-log") Path logFile,
            @ConfigProperty(name = "akkoord.evidence.checkpoint-records", defaultValue = "1000") long everyRecords) {
        this.pool = pool;
        this.outages = outages;
        this.vertx = vertx;
        this.keys = keys;
        this.log = new CheckpointLog(logFile);
        this.everyRecords = everyRecords;
    }

    @Scheduled(every = "{akkoord.evidence.checkpoint-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        // Every few seconds: an outage is logged once by Outages, not at every tick.
        return checkpointHeads().onFailure().invoke(e -> {
            if (!outages.noticed(e)) {
                LOG.warnf("Checkpoints not signed this time: %s", e.getMessage());
            }
        }).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Signs the head of every chain that moved since its last checkpoint; returns what it stored. */
    public Uni<List<Checkpoint>> checkpointHeads() {
        return pool.query(UNSIGNED_HEADS).execute()
                .flatMap(rows -> vertx.executeBlocking(() -> { // many signatures are CPU work
                    List<Checkpoint> signed = new ArrayList<>();
                    for (Row row : rows) {
                        signed.add(keys.sign(row.getUUID("site_id"), Checkpoint.HEAD, row.getLong("seq"),
                                row.getString("hash")));
                    }
                    return signed;
                }))
                .flatMap(signed -> store(pool, signed));
    }

    /**
     * Told of every committed batch of a chain, after its callers were answered. A chain's seqs are shared by every
     * instance appending to it, so exactly one batch reaches or passes each multiple of N: that batch signs its last
     * record, on whichever instance appended it. One checkpoint per N records, and no query per consent. Never
     * fails (the timer signs what this could not); completes with the checkpoint stored, if any.
     */
    Uni<List<Checkpoint>> appended(List<ConsentRecord> batch) {
        if (everyRecords <= 0 || batch.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        ConsentRecord last = batch.get(batch.size() - 1);
        if ((batch.get(0).seq() - 1) / everyRecords == last.seq() / everyRecords) {
            return Uni.createFrom().item(List.of());
        }
        Checkpoint head = keys.sign(last.siteId(), Checkpoint.HEAD, last.seq(), last.hash()); // well under a ms
        return store(pool, List.of(head)).onFailure().recoverWithItem(e -> {
            LOG.warnf("Checkpoint of record %d of site %s not signed now (the timer will): %s", last.seq(),
                    last.siteId(), e.getMessage());
            return List.of();
        });
    }

    /**
     * Signs the start a purge leaves, inside the purge's transaction: a start nobody signed is a forged one. The
     * file copy is written once the transaction is over ({@link #logged}).
     */
    Uni<Checkpoint> checkpointAnchor(SqlClient transaction, UUID siteId, long seq, String hash) {
        Checkpoint anchor = keys.sign(siteId, Checkpoint.ANCHOR, seq, hash); // one signature: well under a millisecond
        return insert(transaction, List.of(anchor)).replaceWith(anchor);
    }

    /** Appends checkpoints already in the database to the log file. */
    Uni<Void> logged(List<Checkpoint> checkpoints) {
        return checkpoints.isEmpty() ? Uni.createFrom().voidItem() : vertx.executeBlocking(() -> {
            log.append(checkpoints);
            return checkpoints;
        }).replaceWithVoid();
    }

    /** The site's checkpoints in the database. */
    public Uni<List<Checkpoint>> stored(UUID siteId) {
        return pool.preparedQuery("SELECT site_id, kind, seq, hash, signed_at, key_id, signature FROM "
                + "consent_checkpoints WHERE site_id = $1 ORDER BY seq, id").execute(Tuple.of(siteId))
                .map(rows -> {
                    List<Checkpoint> found = new ArrayList<>();
                    for (Row r : rows) {
                        found.add(new Checkpoint(r.getUUID("site_id"), r.getString("kind"), r.getLong("seq"),
                                r.getString("hash"), r.getOffsetDateTime("signed_at").toInstant(),
                                r.getString("key_id"), r.getString("signature")));
                    }
                    return found;
                });
    }

    /** The site's checkpoints in the log file (read on a worker thread). */
    public Uni<List<Checkpoint>> inLogFile(UUID siteId) {
        return vertx.executeBlocking(() -> log.read(siteId));
    }

    /** Stores the checkpoints and logs those the database took; completes with those. */
    private Uni<List<Checkpoint>> store(SqlClient client, List<Checkpoint> checkpoints) {
        return checkpoints.isEmpty() ? Uni.createFrom().item(List.of())
                : insert(client, checkpoints).call(this::logged);
    }

    /** The checkpoints inserted: not those another signature of the same head beat to it. */
    private static Uni<List<Checkpoint>> insert(SqlClient client, List<Checkpoint> checkpoints) {
        List<Tuple> rows = checkpoints.stream().map(cp -> Tuple.from(List.of(cp.siteId(), cp.kind(), cp.seq(),
                cp.hash(), cp.signedAt().atOffset(ZoneOffset.UTC), cp.keyId(), cp.signature()))).toList();
        return client.preparedQuery(INSERT).executeBatch(rows).map(result -> {
            List<Checkpoint> inserted = new ArrayList<>(checkpoints.size());
            RowSet<Row> each = result; // one result per row of the batch, in its order
            for (Checkpoint checkpoint : checkpoints) {
                if (each.rowCount() > 0) {
                    inserted.add(checkpoint);
                }
                each = each.next();
            }
            return inserted;
        });
    }
}
