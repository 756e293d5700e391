package dev.akkoord.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.akkoord.scan.CookieOverride;
import dev.akkoord.scan.OverrideEdit;
import dev.akkoord.scan.ScanConfig;
import dev.akkoord.scan.ScanStatus;
import dev.akkoord.scan.CookieTally;
import dev.akkoord.scan.ScanService;
import dev.akkoord.scan.ScanView;
import dev.akkoord.web.ProblemException;
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

    /**
     * What the Cookies page and the overview show of the site's scans, from one read of its scan list: the latest
     * cookie list's scan (null before the first, or when the site cannot be read) and the latest trouble.
     */
    Uni<Current> current(UUID siteId) {
        return scans.listScans(siteId)
                .flatMap(list -> latestOf(siteId, list).map(latest -> new Current(latest, ScanTrouble.of(list))))
                .onFailure(ProblemException.class).recoverWithItem(Current.NONE);
    }

    /**
     * The Scans page: the history, with cookie counts and diffs for the recent finished scans (read together), the
     * latest cookie list's scan and the trouble, from one read of the scan list.
     */
    Uni<History> history(UUID siteId) {
        return scans.listScans(siteId).flatMap(list -> {
            List<UUID> recent = list.stream().limit(SCANS_WITH_DIFF).filter(view -> view.status().isFinished())
                    .map(ScanView::id).toList();
            return scans.changes(siteId, recent).flatMap(changes -> latestOf(siteId, list).map(latest -> new History(
                    list.stream().map(view -> summary(view, changes.get(view.id()))).toList(), latest,
                    ScanTrouble.of(list))));
        });
    }

    /**
     * The latest scan that gave the site a cookie list (done or partial) in the list (newest first); null before
     * the first. A scan that is running or failed does not hide the one before it ({@link ScanTrouble} tells of a
     * failed one).
     */
    private Uni<LatestScan> latestOf(UUID siteId, List<ScanView> newestFirst) {
        return newestFirst.stream().filter(view -> view.status().listsCookies()).findFirst()
                .map(done -> scans.scan(siteId, done.id()).map(LatestScan::of))
                .orElseGet(() -> Uni.createFrom().nullItem())
                .onFailure(ProblemException.class).recoverWithNull();
    }

    /** @param latest the latest cookie list's scan, null before the first; @param trouble null when none */
    record Current(LatestScan latest, ScanTrouble trouble) {
        static final Current NONE = new Current(null, null);
    }

    /** The Scans page's reads: {@code scans} newest first, with diffs for the recent finished ones. */
    record History(List<ScanSummary> scans, LatestScan latest, ScanTrouble trouble) {
    }

    /** One scan with its results once finished; 404 for a scan of another site. */
    Uni<ScanView> scan(UUID siteId, UUID scanId) {
        return scans.scan(siteId, scanId);
    }

    /** Each given site's last finished scan, by site, for the list of sites. */
    Uni<Map<UUID, ScanView>> lastFinished(List<UUID> siteIds) {
        return scans.lastFinishedScans(siteIds);
    }

    /** Every site's compliance by its last cookie list, by site, for the list of sites. */
    Uni<Map<UUID, CookieTally>> tallies(List<UUID> siteIds) {
        return scans.tallies(siteIds);
    }

    public Uni<UUID> startScan(UUID siteId) {
        return scans.requestScan(siteId).map(ScanView::id);
    }

    public Uni<ScanProgress> progress(UUID siteId, UUID scanId) {
        return scans.scan(siteId, scanId).map(view -> {
            int done = view.progress() == null ? 0 : view.progress().pagesDone();
            int queued = view.progress() == null ? 0 : view.progress().pagesQueued();
            boolean finished = view.status().isFinished();
            return new ScanProgress(view.id(), view.status(), done, Math.min(maxPages, Math.max(done + queued, 1)),
                    finished, view.failure());
        });
    }

    public Uni<Void> overrideCategory(UUID siteId, String cookieName, String category) {
        return scans.putOverride(siteId, cookieName, category).replaceWithVoid();
    }

    /** Declares a cookie (a name or a pattern such as {@code _ga_*}) with the owner's category and words. */
    public Uni<Void> declareCookie(UUID siteId, String name, String category, String purpose, String vendor,
            String retention) {
        return Uni.createFrom().deferred(() -> scans.putOverride(siteId, name,
                OverrideEdit.of(category, purpose, vendor, retention))).replaceWithVoid();
    }

    /** Gives a cookie back to the scanner: the owner's category and words for it go. */
    public Uni<Void> resetCookie(UUID siteId, String name) {
        return Uni.createFrom().deferred(() -> scans.deleteOverride(siteId, name)).replaceWithVoid();
    }

    /** The script hosts the owner declared, host → category. */
    public Uni<Map<String, String>> declaredHosts(UUID siteId) {
        return scans.listHostOverrides(siteId);
    }

    public Uni<Void> declareHost(UUID siteId, String host, String category) {
        return Uni.createFrom().deferred(() -> scans.putHostOverride(siteId, host, category)).replaceWithVoid();
    }

    public Uni<Void> undoHost(UUID siteId, String host) {
        return Uni.createFrom().deferred(() -> scans.deleteHostOverride(siteId, host)).replaceWithVoid();
    }

    /** The owner's own words for cookie names, by name. */
    public Uni<Map<String, CookieOverride>> ownWords(UUID siteId) {
        return scans.listOverrides(siteId).map(overrides -> {
            Map<String, CookieOverride> byName = new LinkedHashMap<>();
            overrides.forEach(override -> byName.put(override.name(), override));
            return byName;
        });
    }

    /** The owner's purpose, vendor and retention of a cookie; an empty text gives the scanner's back. */
    public Uni<Void> describeCookie(UUID siteId, String cookieName, String purpose, String vendor, String retention) {
        return Uni.createFrom().deferred(() -> scans.putOverride(siteId, cookieName,
                OverrideEdit.of(null, purpose, vendor, retention))).replaceWithVoid();
    }

    /** @param change the scan's cookie count and diff, null when the history does not show them */
    private static ScanSummary summary(ScanView view, ScanService.Change change) {
        List<String> added = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        List<String> recategorised = new ArrayList<>();
        ScanView.Diff diff = change == null ? null : change.diff();
        if (diff != null) {
            diff.added().forEach(ref -> added.add(ref.name() + " (" + ref.category() + ")"));
            diff.gone().forEach(ref -> gone.add(ref.name()));
            diff.categoryChanges().forEach(moved -> recategorised.add(moved.name() + ": " + moved.from()
                    + " → " + moved.to()));
        }
        int pages = view.progress() == null ? 0 : view.progress().pagesDone();
        int cookies = change == null ? -1 : change.cookies();
        String method = change == null ? null : change.method();
        return new ScanSummary(view.id(), view.startedAt() != null ? view.startedAt() : view.queuedAt(),
                view.finishedAt(), view.status(), view.failure(), method, pages, cookies, added, gone, recategorised);
    }

    /**
     * @param failure why the scan failed or what it missed, else null
     * @param method  {@code browser} or {@code static} for a finished scan with its results, else null
     */
    record ScanSummary(UUID id, Instant startedAt, Instant finishedAt, ScanStatus status, String failure, String method,
            int pages, int cookies, List<String> added, List<String> gone, List<String> recategorised) {

        /** Whether the row shows a diff: a failed scan changed no list, one not finished has none yet. */
        public boolean listsCookies() {
            return status.listsCookies();
        }
    }

    record ScanProgress(UUID id, ScanStatus status, int pagesDone, int pagesLimit, boolean finished, String error) {

        @JsonProperty
        public int percent() {
            return finished ? 100 : pagesLimit <= 0 ? 0 : Math.min(99, pagesDone * 100 / pagesLimit);
        }
    }
}
