package dev.akkoord.scan;

import dev.akkoord.scan.browser.BrowserReport;
import dev.akkoord.scan.browser.BrowserScanner;
import dev.akkoord.scan.crawl.CrawlListener;
import dev.akkoord.scan.crawl.CrawlReport;
import dev.akkoord.scan.crawl.Crawler;
import dev.akkoord.scan.crawl.SiteScope;
import dev.akkoord.web.Outages;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Runs one queued scan: crawl, classify, store, and give the site's banner the new cookie lists. Each run is one
 * attempt, fenced by its token ({@link AttemptFence}): once another worker has taken the scan over, this run fetches
 * nothing more and writes nothing.
 */
@ApplicationScoped
public class ScanRunner {

    private static final Logger LOG = Logger.getLogger(ScanRunner.class);
    /** A scan that failed to finish this often (its workers kept dying) is given up. */
    static final int MAX_ATTEMPTS = 3;
    private static final long PROGRESS_EVERY_MS = 500;

    /** How a run ended, for the queue entry. */
    public enum Outcome {
        /** The scan is finished (by this run, or before it): the entry is done with. */
        FINISHED,
        /** Another worker took the scan over; the entry is that worker's now, to acknowledge or not. */
        SUPERSEDED
    }

    private final ScanRepository scans;
    private final Crawler crawler;
    private final ScanAnalyzer analyzer;
    private final ScanConfig config;
    private final ScanBannerCookies bannerLists;
    private final SiteLookup siteLookup;
    private final Vertx vertx;
    private final BrowserScanner browser;
    private final Outages outages;
    private final Event<ScanFinished> finished;

    ScanRunner(ScanRepository scans, Crawler crawler, ScanAnalyzer analyzer, ScanConfig config,
            ScanBannerCookies bannerLists, SiteLookup siteLookup, Vertx vertx, BrowserScanner browser, Outages outages, Event<ScanFinished> finished) {
        this.finished = finished;
        this.vertx = vertx;
        this.outages = outages;
        this.browser = browser;
        this.scans = scans;
        this.crawler = crawler;
        this.analyzer = analyzer;
        this.config = config;
        this.bannerLists = bannerLists;
        this.siteLookup = siteLookup;
    }

    /**
     * Runs the scan to its end, as one attempt. Problems of the site (unreachable, refused, time-outs) end in a failed
     * or partial scan that says why ({@link ScanOutcome}) and lists them; a failure of this method (database down) leaves the queue entry unacknowledged, to be
     * retried. A run whose attempt was taken over stops quietly, with one line in the log.
     */
    public Uni<Outcome> run(UUID scanId, String worker) {
        long startedAt = System.nanoTime();
        return scans.startScan(scanId, worker, Instant.now()).flatMap(scan -> {
            if (scan == null) {
                LOG.debugf("Scan %s is already finished", scanId);
                return Uni.createFrom().item(Outcome.FINISHED);
            }
            AttemptFence fence = new AttemptFence(scans, scan, startedAt, config.attemptTrust());
            return attempt(scan, worker, fence)
                    .replaceWith(Outcome.FINISHED)
                    .onFailure(AttemptSuperseded.class).recoverWithItem(superseded -> {
                        LOG.infof("Scan %s: attempt %d on %s is no longer the current one (another worker took "
                                + "the scan over); it stops here, without writing", scanId, fence.attempt(), worker);
                        return Outcome.SUPERSEDED;
                    });
        });
    }

    private Uni<Void> attempt(ScanRow scan, String worker, AttemptFence fence) {
        if (scan.attempts() > MAX_ATTEMPTS) {
            return fail(scan, List.of(), fence, ScanOutcome.failed(ScanOutcome.Kind.GAVE_UP, "The scan was given up "
                    + "after " + MAX_ATTEMPTS + " attempts that did not finish (the scanning instances stopped during it)."));
        }
        LOG.infof("Scan %s of site %s started on %s (attempt %d)", scan.id(), scan.siteId(), worker, scan.attempts());
        return siteLookup.domains(scan.siteId()).flatMap(domains -> domains == null
                ? fail(scan, List.of(), fence, ScanOutcome.failed(ScanOutcome.Kind.SITE_GONE,
                        "The site no longer exists."))
                : crawlAndStore(scan, domains, fence));
    }

    private Uni<Void> fail(ScanRow scan, List<String> domains, AttemptFence fence, ScanOutcome outcome) {
        LOG.infof("Scan %s failed (%s): %s", scan.id(), outcome.kind().code(), outcome.reason());
        return scans.failScan(scan.id(), fence.attempt(), outcome, Instant.now()).flatMap(fence::landed)
                .invoke(() -> finished.fire(new ScanFinished(scan.siteId(), scan.id(), domains)));
    }

    private Uni<Void> crawlAndStore(ScanRow scan, List<String> domains, AttemptFence fence) {
        UUID scanId = scan.id();
        long deadline = System.currentTimeMillis() + config.crawlTimeout().toMillis();
        CrawlListener progress = progressWriter(scanId, fence);
        // Deferred: a site domain the crawler cannot read fails the Uni (handled below) instead of this call.
        return Uni.createFrom().deferred(() -> crawler.crawl(domains, config.crawlSettings(), progress, fence))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(report -> {
                    ScanOutcome outcome = ScanOutcome.of(report, new SiteScope(domains).domains().size());
                    return inBrowser(report, outcome, domains, deadline, progress, fence)
                            .flatMap(seen -> scans.overrides(scan.siteId()).map(overrides ->
                                    analyzer.analyze(report, seen.report(), seen.note(), overrides)))
                            .call(findings -> scans.saveFindings(scanId, fence.attempt(), findings, outcome,
                                    Instant.now()).flatMap(fence::landed))
                            .invoke(findings -> LOG.infof("Scan %s %s: %d pages, %d cookies, %d problems%s", scanId,
                                    outcome.status(), findings.pages().size(), findings.cookies().size(),
                                    findings.problems().size(), outcome.reason() == null ? "" : ": " + outcome.reason()))
                            // a failed scan lists no cookies: the banner keeps the last good lists
                            .flatMap(findings -> outcome.isFailed() ? Uni.createFrom().voidItem()
                                    : refreshBanner(scan.siteId()))
                            .invoke(() -> finished.fire(new ScanFinished(scan.siteId(), scanId, domains)));
                })
                .onFailure(IllegalArgumentException.class).recoverWithUni(failure -> fail(scan, domains, fence,
                        ScanOutcome.failed(ScanOutcome.Kind.UNSCANNABLE_DOMAIN, "The site's domains cannot be "
                                + "scanned: " + failure.getMessage())));
    }

    private record BrowserPass(BrowserReport report, String note) {
    }

    /**
     * The browser pass over what the static crawl found. A browser that cannot start leaves the static findings,
     * with the reason for the owner.
     */
    private Uni<BrowserPass> inBrowser(CrawlReport report, ScanOutcome outcome, List<String> domains, long deadline,
            CrawlListener progress, AttemptFence fence) {
        if (!browser.available()) {
            return Uni.createFrom().item(new BrowserPass(null, browser.unavailableReason()));
        }
        if (outcome.isFailed()) {
            return Uni.createFrom().item(new BrowserPass(null, "No page of the site could be read, so it "
                    + "was not visited in a browser either."));
        }
        return browser.scan(report, new SiteScope(domains), config.crawlSettings(), deadline, progress, fence)
                .map(seen -> new BrowserPass(seen, null))
                .onFailure(failure -> !(failure instanceof AttemptSuperseded)).recoverWithItem(failure -> {
                    LOG.warnf("Browser pass failed, keeping the static crawl: %s", failure.getMessage());
                    return new BrowserPass(null, "The browser could not be used for this scan (" + failure.getMessage()
                            + "): cookies set by JavaScript were not looked for.");
                });
    }

    /**
     * Writes progress at most twice a second, without waiting for it. A write that misses tells the fence: the
     * attempt is over, and the crawl's next request stops it.
     */
    private CrawlListener progressWriter(UUID scanId, AttemptFence fence) {
        AtomicLong last = new AtomicLong();
        return (pagesDone, pagesQueued) -> {
            long now = System.currentTimeMillis();
            long before = last.get();
            if (now - before >= PROGRESS_EVERY_MS && last.compareAndSet(before, now)) {
                scans.progress(scanId, fence.attempt(), pagesDone, pagesQueued).subscribe().with(landed -> {
                    if (!landed) {
                        fence.supersede();
                    }
                }, failure -> LOG.debugf("Progress of scan %s not written: %s", scanId, failure.getMessage()));
            }
        };
    }

    /** A new scan may change the banner's lists: they go to the site, which makes a new version only if they did. */
    private Uni<Void> refreshBanner(UUID siteId) {
        return SafeContext.call(vertx, () -> bannerLists.publish(siteId))
                .onFailure().invoke(failure -> {
                    if (!outages.noticed(failure)) {
                        LOG.warnf("Banner of site %s not refreshed after its scan: %s", siteId, failure.getMessage());
                    }
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
