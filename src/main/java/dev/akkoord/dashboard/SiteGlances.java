package dev.akkoord.dashboard;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.akkoord.analytics.Bucket;
import dev.akkoord.analytics.ConsentAnalytics;
import dev.akkoord.analytics.ConsentStats;
import dev.akkoord.analytics.Granularity;
import dev.akkoord.scan.ScanScheduler;
import io.smallrye.mutiny.Uni;

/** Gathers what a site's overview tiles show ({@link SiteGlance}), the independent reads side by side. */
@ApplicationScoped
class SiteGlances {

    private static final int MONTH_DAYS = 30;

    private final ScanResults scans;
    private final ScanScheduler scheduler;
    private final ConsentAnalytics analytics;

    SiteGlances(ScanResults scans, ScanScheduler scheduler, ConsentAnalytics analytics) {
        this.scans = scans;
        this.scheduler = scheduler;
        this.analytics = analytics;
    }

    /** @param sightings the banner's sightings, read by the caller, which shows them too */
    Uni<SiteGlance> glance(UUID siteId, Uni<List<BannerSightings.Sighting>> sightings) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate monthStart = today.minusDays(MONTH_DAYS - 1);
        return Uni.combine().all().unis(scans.current(siteId),
                        sightings,
                        total(siteId, monthStart, today),
                        total(siteId, monthStart.minusDays(MONTH_DAYS), monthStart.minusDays(1)))
                .asTuple()
                .map(found -> SiteGlance.of(new SiteGlance.Facts(siteId, found.getItem1().latest(),
                        found.getItem1().trouble(), scheduler.nextDailyRun(), found.getItem2(), found.getItem3(),
                        found.getItem4())));
    }

    private Uni<Bucket> total(UUID siteId, LocalDate from, LocalDate to) {
        return analytics.stats(siteId, from, to, Granularity.DAY).map(ConsentStats::total);
    }
}
