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
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Signs where every site's chain stands, every few seconds for the chains that moved, and at every retention purge
 * the start it leaves. Each checkpoint goes to the database and then to the log file outside it. Instances may sign
 * the same head at once; the second copy is dropped by the unique key.
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

    Checkpointer(Pool pool, Vertx vertx, SigningKeys keys, Outages outages,
            @ConfigProperty(name = "akkoord.evidence.checkpoint-log") Path logFile) {
        this.pool = pool;
        this.outages = outages;
        this.vertx = vertx;
        this.keys = keys;
        this.log = new CheckpointLog(logFile);
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

    /** Signs the head of every chain that moved since its last checkpoint; returns what it signed. */
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
                .call(signed -> store(pool, signed));
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

    private Uni<Void> store(SqlClient client, List<Checkpoint> checkpoints) {
        return checkpoints.isEmpty() ? Uni.createFrom().voidItem()
                : insert(client, checkpoints).call(() -> logged(checkpoints));
    }

    private static Uni<Void> insert(SqlClient client, List<Checkpoint> checkpoints) {
        List<Tuple> rows = checkpoints.stream().map(cp -> Tuple.from(List.of(cp.siteId(), cp.kind(), cp.seq(),
                cp.hash(), cp.signedAt().atOffset(ZoneOffset.UTC), cp.keyId(), cp.signature()))).toList();
        return client.preparedQuery(INSERT).executeBatch(rows).replaceWithVoid();
    }
}
