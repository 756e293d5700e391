package dev.akkoord.consent;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.akkoord.site.SiteAccess;
import dev.akkoord.site.SiteService;
import dev.akkoord.web.Outages;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Deletes consent records older than their site's retention, once a day. The last deleted record's hash becomes
 * the chain's anchor, so what remains is still verifiable. Safe to run on every instance at once: the head lock
 * serialises purges of a site, and a second purge finds nothing left to delete.
 */
@ApplicationScoped
public class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);

    private final Pool pool;
    private final SiteService sites;
    private final Checkpointer checkpointer;
    private final Outages outages;

    RetentionPurge(Pool pool, SiteService sites, Checkpointer checkpointer, Outages outages) {
        this.pool = pool;
        this.outages = outages;
        this.sites = sites;
        this.checkpointer = checkpointer;
    }

    @Scheduled(cron = "{akkoord.consent.purge-cron:0 30 3 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeDaily() {
        return purgeAll(Instant.now()).onFailure().invoke(failure -> {
            if (!outages.noticed(failure)) {
                LOG.errorf(failure, "Retention purge failed");
            }
        }).onFailure().recoverWithNull();
    }

    /** Purges every site as if it were {@code now}; returns when all are done. */
    public Uni<Void> purgeAll(Instant now) {
        return sites.listSites()
                .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(site -> sites.siteAccess(site.id())
                        .flatMap(access -> access == null ? Uni.createFrom().item(0L) : purgeSite(access, now))
                        // One site's failure must not keep every site after it from being purged.
                        .onFailure().recoverWithItem(failure -> {
                            if (!outages.noticed(failure)) {
                                LOG.errorf(failure, "Site %s: retention purge failed", site.id());
                            }
                            return 0L;
                        }))
                .collect().asList().replaceWithVoid();
    }

    public Uni<Long> purgeSite(SiteAccess site, Instant now) {
        Instant cutoff = now.minus(site.retentionDays(), ChronoUnit.DAYS);
        UUID siteId = site.siteId();
        List<Checkpoint> signed = new ArrayList<>(1);
        return pool.withTransaction(connection -> connection
                .preparedQuery("SELECT seq FROM consent_chain_heads WHERE site_id = $1 FOR UPDATE")
                .execute(Tuple.of(siteId))
                .flatMap(head -> head.size() == 0 ? Uni.createFrom().item(0L)
                        : lastPurgeable(connection, siteId, head.iterator().next().getLong("seq"), cutoff)
                                .flatMap(last -> last == null ? Uni.createFrom().item(0L)
                                        : cut(connection, siteId, last.getLong("seq"), last.getString("hash"),
                                                signed))))
                .call(count -> checkpointer.logged(signed))
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("Site %s: purged %d consent records older than %s", siteId, count, cutoff);
                    }
                });
    }

    /**
     * The chain can only be cut in one place: just before the first record still within retention. Records are
     * in time order on one instance, but instances' clocks differ, so "the newest old record" could sit after a
     * younger one; cutting before the first young record never removes evidence that must be kept.
     */
    private static Uni<Row> lastPurgeable(SqlConnection connection, UUID siteId, long headSeq, Instant cutoff) {
        return connection.preparedQuery("SELECT seq FROM consent_records WHERE site_id = $1 AND recorded_at >= $2 "
                + "ORDER BY seq LIMIT 1")
                .execute(Tuple.of(siteId, cutoff.atOffset(ZoneOffset.UTC)))
                .flatMap(kept -> {
                    long lastOld = kept.size() == 0 ? headSeq : kept.iterator().next().getLong("seq") - 1;
                    return connection.preparedQuery("SELECT seq, hash FROM consent_records WHERE site_id = $1 "
                            + "AND seq <= $2 ORDER BY seq DESC LIMIT 1").execute(Tuple.of(siteId, lastOld));
                })
                .map(last -> last.size() == 0 ? null : last.iterator().next());
    }

    /** Makes record {@code seq} the chain's anchor, signed, and deletes it and everything before it. */
    private Uni<Long> cut(SqlConnection connection, UUID siteId, long seq, String hash, List<Checkpoint> signed) {
        return connection.preparedQuery("INSERT INTO consent_chain_anchors (site_id, seq, hash, purged_at) "
                + "VALUES ($1, $2, $3, now()) ON CONFLICT (site_id) DO UPDATE SET seq = EXCLUDED.seq, "
                + "hash = EXCLUDED.hash, purged_at = EXCLUDED.purged_at")
                .execute(Tuple.of(siteId, seq, hash))
                .flatMap(ignored -> checkpointer.checkpointAnchor(connection, siteId, seq, hash))
                .invoke(signed::add)
                .flatMap(ignored -> connection.query("SET LOCAL akkoord.purge = 'on'").execute())
                .flatMap(ignored -> connection.preparedQuery(
                        "DELETE FROM consent_records WHERE site_id = $1 AND seq <= $2")
                        .execute(Tuple.of(siteId, seq)))
                .map(deleted -> (long) deleted.rowCount());
    }
}
