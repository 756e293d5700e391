package dev.akkoord.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.akkoord.scan.ScanConfig;
import dev.akkoord.scan.ScanCookie;
import dev.akkoord.scan.ScanRow;
import dev.akkoord.scan.ScanService;
import dev.akkoord.scan.ScanView;
import dev.akkoord.web.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * What the dashboard shows of the scanner ({@link ScanService}): scan history with diffs, the latest scan's cookies,
 * starting a scan and following it, and the owner's overrides, in the shapes the templates use.
 */
@ApplicationScoped
public class ScanResults {

    /** Diffs need a scan's cookies and the previous scan's: worth it for the recent ones only. */
    private static final int SCANS_WITH_DIFF = 10;

    private final ScanService scans;
    private final int maxPages;

    ScanResults(ScanService scans, ScanConfig config) {
        this.scans = scans;
        this.maxPages = config.maxPages();
    }

    public Uni<List<ScanSummary>> history(UUID siteId) {
        return scans.listScans(siteId).flatMap(list -> Multi.createFrom().range(0, list.size())
                .onItem().transformToUniAndConcatenate(i -> i < SCANS_WITH_DIFF && ScanRow.DONE.equals(list.get(i).status())
                        ? scans.scan(siteId, list.get(i).id()) : Uni.createFrom().item(list.get(i)))
                .map(ScanResults::summary)
                .collect().asList());
    }

    public Uni<ScanDetail> latest(UUID siteId) {
        return scans.latestScan(siteId)
                .map(view -> view.results() == null ? null : new ScanDetail(view.id(), view.finishedAt(),
                        view.results().cookies().stream().map(ScanResults::row).toList()))
                .onFailure(ProblemException.class).recoverWithNull();
    }

    public Uni<UUID> startScan(UUID siteId) {
        return scans.requestScan(siteId).map(ScanView::id);
    }

    public Uni<ScanProgress> progress(UUID siteId, UUID scanId) {
        return scans.scan(siteId, scanId).map(view -> {
            int done = view.progress() == null ? 0 : view.progress().pagesDone();
            int queued = view.progress() == null ? 0 : view.progress().pagesQueued();
            boolean finished = ScanRow.DONE.equals(view.status()) || ScanRow.FAILED.equals(view.status());
            return new ScanProgress(view.id(), view.status(), done, Math.min(maxPages, Math.max(done + queued, 1)),
                    finished, view.failure());
        });
    }

    public Uni<Void> overrideCategory(UUID siteId, String cookieName, String category) {
        return scans.putOverride(siteId, cookieName, category).replaceWithVoid();
    }

    private static ScanSummary summary(ScanView view) {
        List<String> added = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        List<String> recategorised = new ArrayList<>();
        if (view.diff() != null) {
            view.diff().added().forEach(ref -> added.add(ref.name() + " (" + ref.category() + ")"));
            view.diff().gone().forEach(ref -> gone.add(ref.name()));
            view.diff().categoryChanges().forEach(change -> recategorised.add(change.name() + ": " + change.from()
                    + " → " + change.to()));
        }
        int pages = view.progress() == null ? 0 : view.progress().pagesDone();
        int cookies = view.results() == null ? -1 : view.results().cookies().size();
        return new ScanSummary(view.id(), view.startedAt() != null ? view.startedAt() : view.queuedAt(),
                view.finishedAt(), view.status(), pages, cookies, added, gone, recategorised);
    }

    private static CookieRow row(ScanCookie cookie) {
        return new CookieRow(cookie.name(), cookie.domain(), cookie.category().label(), cookie.source(),
                cookie.confidence(), cookie.vendor(), cookie.purpose(), cookie.lifetime(), cookie.firstPage(),
                ScanCookie.OBSERVED.equals(cookie.found()), cookie.violation(), cookie.evidence());
    }

    record ScanSummary(UUID id, Instant startedAt, Instant finishedAt, String status, int pages, int cookies,
            List<String> added, List<String> gone, List<String> recategorised) {
    }

    record ScanProgress(UUID id, String status, int pagesDone, int pagesLimit, boolean finished, String error) {

        @JsonProperty
        public int percent() {
            return finished ? 100 : pagesLimit <= 0 ? 0 : Math.min(99, pagesDone * 100 / pagesLimit);
        }
    }

    record ScanDetail(UUID id, Instant finishedAt, List<CookieRow> cookies) {
    }

    /**
     * @param source    override, database, vendor, rule or model
     * @param observed  set by a response during the crawl (true) or inferred from a tracker found on a page
     * @param violation an analytical or marketing cookie set before consent, with {@code evidence}
     */
    record CookieRow(String name, String domain, String category, String source, double confidence, String vendor,
            String purpose, String lifetime, String firstPage, boolean observed, boolean violation,
            String evidence) {

        public boolean unclassified() {
            return "unclassified".equals(category);
        }

        public int confidencePercent() {
            return (int) Math.round(confidence * 100);
        }
    }
}
