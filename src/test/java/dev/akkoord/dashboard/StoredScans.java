package dev.akkoord.dashboard;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.akkoord.classify.Category;
import dev.akkoord.scan.BrowserFindings;
import dev.akkoord.scan.ScanBannerCookies;
import dev.akkoord.scan.ScanCookie;
import dev.akkoord.scan.ScanFindings;
import dev.akkoord.scan.ScanRepository;
import dev.akkoord.scan.ScanOutcome;
import dev.akkoord.scan.ScanTrigger;
import dev.akkoord.scan.browser.BrowserReport;
import dev.akkoord.scan.crawl.PageVisit;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Finished scans written straight through the repository, as the scan worker writes them: the dashboard's pages can
 * then be tested on exact findings (a browser pass included) without Chromium or a crawl.
 */
final class StoredScans {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private StoredScans() {
    }

    /**
     * Stores {@code findings} as a finished scan of the site and, as the scan worker does, lets the site's banner
     * lists follow; returns the scan's id.
     */
    static UUID save(ScanRepository scans, ScanBannerCookies bannerLists, String siteId, ScanFindings findings) throws Throwable {
        UUID scanId = UUID.randomUUID();
        Instant now = Instant.now();
        scans.insertScan(scanId, UUID.fromString(siteId), ScanTrigger.REQUEST, null, now).await().atMost(WAIT);
        int attempt = scans.startScan(scanId, "dashboard-test", now).await().atMost(WAIT).attempts();
        if (!scans.saveFindings(scanId, attempt, findings, ScanOutcome.DONE, now).await().atMost(WAIT)) {
            throw new AssertionError("the scan's findings were not saved");
        }
        VertxContextSupport.subscribeAndAwait(() -> bannerLists.publish(UUID.fromString(siteId)));
        return scanId;
    }

    static ScanFindings findings(String origin, List<String> paths, List<ScanCookie> cookies, String headline,
            BrowserFindings browser) {
        List<PageVisit> pages = paths.stream().map(path -> new PageVisit(URI.create(origin + path),
                URI.create(origin + path), 0, 200, "text/html", true)).toList();
        return new ScanFindings(List.of(URI.create(origin)), pages, cookies, List.of(), List.of(), 0, pages.size(),
                false, headline, browser);
    }

    /** A cookie seen in a Set-Cookie header by the static crawl only ({@code seen} is null). */
    static ScanCookie fromResponse(String name, Category category, String page, boolean violation) {
        return new ScanCookie(name, URI.create(page).getHost(), ScanCookie.OBSERVED, true, "/", null, null, false,
                false, null, false, page, page, category, 0.9, "rule", null, null, "Name rule " + name, "session",
                violation,
                "Set-Cookie in the response of " + page, null);
    }

    /** A cookie the browser pass saw, set by {@code setBy} ({@code http} or {@code script}) in {@code journeys}. */
    static ScanCookie seen(String name, Category category, String vendor, String setter, String setBy,
            String firstPage, List<String> journeys, Flags flags) {
        boolean withoutConsent = flags.beforeConsent() || flags.afterReject() || flags.underGpc();
        boolean violation = withoutConsent && (category == Category.ANALYTICAL || category == Category.MARKETING);
        ScanCookie.Seen seen = new ScanCookie.Seen(setter, journeys, flags.beforeConsent(), flags.afterReject(),
                flags.underGpc(), flags.onlyAfterAccept(), false, 40, 20, "random", 2, withoutConsent ? 2 : 0);
        return new ScanCookie(name, URI.create(firstPage).getHost(), ScanCookie.OBSERVED, true, "/", null, 31536000L,
                false, false, "Lax", false, firstPage, setBy, category, 0.95, "database", vendor, "Purpose of " + name,
                "Listed in the Open Cookie Database", "1 year", violation, "Written by " + setBy, seen);
    }

    record Flags(boolean beforeConsent, boolean afterReject, boolean underGpc, boolean onlyAfterAccept) {

        static final Flags ONLY_AFTER_ACCEPT = new Flags(false, false, false, true);
        static final Flags WITHOUT_CONSENT_EVERYWHERE = new Flags(true, true, true, false);
    }

    static BrowserReport.Page page(String url, Boolean banner, List<dev.akkoord.scan.browser.Journey> journeys,
            List<String> localStorage, String problem, String... outsideHosts) {
        return new BrowserReport.Page(URI.create(url), URI.create(url), problem == null ? 200 : 0, banner, journeys,
                localStorage, List.of(), List.of(), problem, List.of(outsideHosts));
    }
}
