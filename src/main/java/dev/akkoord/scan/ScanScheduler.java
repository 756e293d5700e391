package dev.akkoord.scan;

import dev.akkoord.web.Outages;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Enqueues every site's daily scan. Every instance runs the same cron; the Redis day key (SET NX) lets exactly one
 * of them enqueue a given site's scan for a given day, and the unique schedule day in the database backs that up.
 */
@ApplicationScoped
public class ScanScheduler {

    private static final Logger LOG = Logger.getLogger(ScanScheduler.class);
    private static final String DAILY = "akkoord-daily-scans";

    private final ScanQueue queue;
    private final ScanRepository scans;
    private final Outages outages;
    private final Scheduler scheduler;
    private final SiteLookup sites;

    ScanScheduler(ScanQueue queue, ScanRepository scans, Outages outages, Scheduler scheduler, SiteLookup sites) {
        this.queue = queue;
        this.outages = outages;
        this.scans = scans;
        this.scheduler = scheduler;
        this.sites = sites;
    }

    /** When the daily scans are next enqueued; empty when they are switched off ({@code akkoord.scan.cron=off}). */
    public Optional<Instant> nextDailyRun() {
        Trigger daily = scheduler.getScheduledJob(DAILY);
        return Optional.ofNullable(daily).map(Trigger::getNextFireTime);
    }

    @Scheduled(identity = DAILY, cron = "{akkoord.scan.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> daily() {
        return enqueueDailyScans(LocalDate.now(ZoneOffset.UTC))
                .invoke(count -> LOG.infof("Daily scans enqueued by this instance: %d", count))
                .onFailure().invoke(failure -> {
                    if (!outages.noticed(failure)) {
                        LOG.warnf("Daily scans not enqueued: %s", failure.getMessage());
                    }
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Enqueues the day's scan of every site this instance wins the day key for; returns how many it enqueued. */
    public Uni<Integer> enqueueDailyScans(LocalDate day) {
        return sites.liveSiteIds()
                .onItem().transformToMulti(ids -> Multi.createFrom().iterable(ids))
                .onItem().transformToUniAndConcatenate(siteId -> enqueueDaily(siteId, day))
                .collect().with(java.util.stream.Collectors.summingInt(enqueued -> enqueued ? 1 : 0));
    }

    private Uni<Boolean> enqueueDaily(UUID siteId, LocalDate day) {
        return queue.claimDay(siteId, day).flatMap(won -> {
            if (!won) {
                return Uni.createFrom().item(false);
            }
            UUID scanId = UUID.randomUUID();
            return scans.insertScan(scanId, siteId, ScanTrigger.SCHEDULE, day, Instant.now())
                    .flatMap(inserted -> inserted ? queue.enqueue(scanId, siteId).replaceWith(true)
                            : Uni.createFrom().item(false))
                    // undo, so that a later run can enqueue the day's scan after all
                    .onFailure().call(failure -> scans.deleteQueuedScan(scanId)
                            .onFailure().recoverWithNull()
                            .flatMap(v -> queue.releaseDay(siteId, day)));
        });
    }
}
