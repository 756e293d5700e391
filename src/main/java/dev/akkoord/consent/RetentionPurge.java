package dev.akkoord.consent;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

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
 * Deletes consent records older than their site's retention, once a day. The deletion itself is the database's
 * {@code consent_records_purge} function, owned by the schema's owner: the service role may not delete a record any
 * other way, and the function applies the retention rules itself (the database's clock, the site's stored retention,
 * the chain cut before the first record still within it), so whoever holds the service's credentials cannot purge
 * more. The last deleted record's hash becomes the chain's anchor, signed here in the same transaction, so what
 * remains is still verifiable. Safe to run on every instance at once: the function locks the chain's head, and a
 * second purge finds nothing left to delete.
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
        return purgeAll().onFailure().invoke(failure -> {
            if (!outages.noticed(failure)) {
                LOG.errorf(failure, "Retention purge failed");
            }
        }).onFailure().recoverWithNull();
    }

    /** Purges every site; returns when all are done. */
    public Uni<Void> purgeAll() {
        return sites.siteIdsWithRecords()
                .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(siteId -> purgeSite(siteId)
                        // One site's failure must not keep every site after it from being purged.
                        .onFailure().recoverWithItem(failure -> {
                            if (!outages.noticed(failure)) {
                                LOG.errorf(failure, "Site %s: retention purge failed", siteId);
                            }
                            return 0L;
                        }))
                .collect().asList().replaceWithVoid();
    }

    /** Purges one site's records past its retention; returns how many were deleted. */
    public Uni<Long> purgeSite(UUID siteId) {
        List<Checkpoint> signed = new ArrayList<>(1);
        return pool.withTransaction(connection -> connection
                .preparedQuery("SELECT anchor_seq, anchor_hash, deleted, cutoff FROM consent_records_purge($1)")
                .execute(Tuple.of(siteId))
                .flatMap(rows -> rows.size() == 0 ? Uni.createFrom().item(0L) : signAnchor(connection, siteId,
                        rows.iterator().next(), signed)))
                .call(count -> checkpointer.logged(signed));
    }

    /** A start nobody signed is a forged one: the anchor is signed before the purge commits. */
    private Uni<Long> signAnchor(SqlConnection connection, UUID siteId, Row purged, List<Checkpoint> signed) {
        long deleted = purged.getLong("deleted");
        return checkpointer.checkpointAnchor(connection, siteId, purged.getLong("anchor_seq"),
                purged.getString("anchor_hash"))
                .invoke(signed::add)
                .invoke(() -> LOG.infof("Site %s: purged %d consent records older than %s", siteId, deleted,
                        purged.getOffsetDateTime("cutoff")))
                .replaceWith(deleted);
    }
}
