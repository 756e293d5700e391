package dev.akkoord.scan;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.akkoord.scan.browser.BrowserReport;
import dev.akkoord.scan.crawl.PageVisit;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A scan as the API shows it. {@code results} are present for a finished scan asked for by id or as the latest, and
 * {@code diff} for one that lists cookies (done or partial); lists of scans carry only the summary fields. A failed or
 * partial scan says why in {@code failure}, and as a stable word in {@code failureKind} ({@link ScanOutcome.Kind}).
 */
public record ScanView(UUID id, UUID siteId, ScanStatus status, ScanTrigger trigger, Instant queuedAt,
        Instant startedAt, Instant finishedAt, int attempts, Progress progress, String failure, String failureKind, Results results,
        Diff diff) {

    /** Pages fetched so far, and pages found but not fetched yet. */
    public record Progress(int pagesDone, int pagesQueued) {
    }

    /**
     * What the scan found. Cookies show the owner's current overrides (source {@code override} for a category; the
     * owner's purpose, vendor and retention as theirs), and the violation flag follows the category shown. A cookie's
     * {@code reason} says why it got its category, for the owner; {@code purpose} is what visitors read.
     *
     * @param method       {@code browser} (headless Chromium with consent journeys) or {@code static}
     * @param methodNote   which browser, or why cookies set by JavaScript were not looked for and how to change that
     * @param headline     the findings in a sentence or two
     * @param browserPages each page the browser visited: whether the banner showed, the journeys, storage names
     * @param requests     requests to hosts outside the site per phase of the journeys; {@code violation} for a
     *                     tracker host contacted without consent
     */
    public record Results(List<String> origins, String method, String methodNote, String headline, Summary summary,
            List<ScanCookie> cookies, List<ScanTracker> trackers, List<PageVisit> pages,
            List<BrowserReport.Page> browserPages, List<BrowserFindings.HostRequest> requests,
            List<Map<String, String>> errors, boolean deadlineHit) {
    }

    public record Summary(int pages, int resources, int cookies, int observed, int inferred, int violations,
            Map<String, Integer> byCategory, int errors) {
    }

    /**
     * The change since the site's previous finished scan, each side as decided when it ran; {@code previousScanId}
     * is null for a first scan (everything is new).
     */
    public record Diff(UUID previousScanId, @JsonProperty("new") List<CookieRef> added, List<CookieRef> gone,
            List<CategoryChange> categoryChanges) {
    }

    public record CookieRef(String name, String domain, String category) {
    }

    public record CategoryChange(String name, String domain, String from, String to) {
    }

    static ScanView summaryOf(ScanRow row) {
        return new ScanView(row.id(), row.siteId(), row.status(), row.trigger(), row.queuedAt(), row.startedAt(),
                row.finishedAt(), row.attempts(), new Progress(row.pagesDone(), row.pagesQueued()), row.failure(),
                row.failureKind(), null, null);
    }

    ScanView with(Results results, Diff diff) {
        return new ScanView(id, siteId, status, trigger, queuedAt, startedAt, finishedAt, attempts, progress, failure,
                failureKind, results, diff);
    }
}
