package dev.akkoord.scan;

import dev.akkoord.classify.Category;
import dev.akkoord.scan.browser.BrowserReport;
import dev.akkoord.scan.crawl.PageVisit;
import dev.akkoord.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Scans, cookie overrides and declared tracker hosts as the API offers them. */
@ApplicationScoped
public class ScanService {

    private static final Logger LOG = Logger.getLogger(ScanService.class);
    private static final int LIST_LIMIT = 50;
    private static final int MAX_NAME_LENGTH = 256;

    private final ScanRepository scans;
    private final ScanQueue queue;
    private final ScanBannerCookies bannerLists;
    private final SiteLookup siteLookup;

    ScanService(ScanRepository scans, ScanQueue queue, ScanBannerCookies bannerLists, SiteLookup siteLookup) {
        this.scans = scans;
        this.queue = queue;
        this.bannerLists = bannerLists;
        this.siteLookup = siteLookup;
    }

    /** Queues a scan of the site now; when one is already queued or running, that one is the answer. */
    public Uni<ScanView> requestScan(UUID siteId) {
        LOG.debugf("Scan requested for site %s", siteId);
        return requireSite(siteId).flatMap(site -> scans.activeScan(siteId)).flatMap(active -> {
            if (active != null) {
                return Uni.createFrom().item(ScanView.summaryOf(active));
            }
            UUID scanId = UUID.randomUUID();
            return scans.insertScan(scanId, siteId, ScanTrigger.REQUEST, null, Instant.now())
                    .flatMap(inserted -> queue.enqueue(scanId, siteId)
                            .onFailure().call(failure -> scans.deleteQueuedScan(scanId)))
                    .flatMap(entry -> scans.findScan(siteId, scanId))
                    .map(ScanView::summaryOf);
        });
    }

    public Uni<List<ScanView>> listScans(UUID siteId) {
        return requireSite(siteId).flatMap(site -> scans.listScans(siteId, LIST_LIMIT))
                .map(rows -> rows.stream().map(ScanView::summaryOf).toList());
    }

    public Uni<ScanView> scan(UUID siteId, UUID scanId) {
        return requireSite(siteId).flatMap(site -> scans.findScan(siteId, scanId)).flatMap(row -> {
            if (row == null) {
                throw ProblemException.notFound("Site " + siteId + " has no scan " + scanId);
            }
            return withResults(row);
        });
    }

    /** Each site's last finished scan (summary fields only), by site; sites never scanned are absent. */
    public Uni<Map<UUID, ScanView>> lastFinishedScans(List<UUID> siteIds) {
        return scans.lastFinishedScans(siteIds).map(rows -> {
            Map<UUID, ScanView> bySite = new HashMap<>();
            rows.forEach(row -> bySite.put(row.siteId(), ScanView.summaryOf(row)));
            return bySite;
        });
    }

    /**
     * Each site's compliance as its last cookie list tells it, by site, for the list of sites: three queries
     * for all the given sites at once, reading only the columns the counts need. Sites without a cookie list yet are
     * absent.
     */
    public Uni<Map<UUID, CookieTally>> tallies(List<UUID> siteIds) {
        return scans.lastListingScans(siteIds).flatMap(last -> {
            if (last.isEmpty()) {
                return Uni.createFrom().item(Map.<UUID, CookieTally>of());
            }
            return scans.tallyFacts(last.stream().map(ScanRow::id).toList())
                    .flatMap(cookies -> scans.cookieOverrides(last.stream().map(ScanRow::siteId).toList())
                            .map(overrides -> {
                                Map<UUID, CookieTally> bySite = new HashMap<>();
                                last.forEach(scan -> bySite.put(scan.siteId(), CookieTally.of(scan,
                                        cookies.getOrDefault(scan.id(), List.of()),
                                        overrides.getOrDefault(scan.siteId(), Map.of()))));
                                return bySite;
                            }));
        });
    }

    public Uni<ScanView> latestScan(UUID siteId) {
        return requireSite(siteId).flatMap(site -> scans.latestScan(siteId)).flatMap(row -> {
            if (row == null) {
                throw ProblemException.notFound("Site " + siteId + " has not been scanned yet; "
                        + "POST /api/v1/sites/" + siteId + "/scans starts a scan");
            }
            return withResults(row);
        });
    }

    /**
     * What a history shows of a finished scan: its cookie count, how it looked at the site, and for a scan that gave
     * a cookie list what changed since the one before ({@link ScanView#diff()}), as {@link #scan} has them.
     */
    public record Change(int cookies, String method, ScanView.Diff diff) {
    }

    /**
     * {@link Change}s of the site's given scans, by scan, from three queries in all where {@link #scan} reads each
     * scan whole; scans not finished (or not the site's) are absent. The site must exist.
     */
    public Uni<Map<UUID, Change>> changes(UUID siteId, List<UUID> scanIds) {
        if (scanIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return scans.finishedWithPrevious(siteId, scanIds).flatMap(listed -> {
            List<UUID> read = new ArrayList<>();
            listed.forEach(scan -> {
                read.add(scan.id());
                if (scan.previous() != null) {
                    read.add(scan.previous());
                }
            });
            return scans.cookies(read.stream().distinct().toList()).map(cookies -> {
                Map<UUID, Change> changes = new HashMap<>();
                for (ScanRepository.Listed scan : listed) {
                    List<ScanCookie> found = cookies.getOrDefault(scan.id(), List.of());
                    ScanView.Diff diff = !scan.status().listsCookies() ? null
                            : scan.previous() == null ? ScanDiff.first(found)
                            : ScanDiff.between(scan.previous(), cookies.getOrDefault(scan.previous(), List.of()),
                                    found);
                    changes.put(scan.id(), new Change(found.size(), scan.method(), diff));
                }
                return changes;
            });
        });
    }

    private Uni<ScanView> withResults(ScanRow row) {
        ScanView summary = ScanView.summaryOf(row);
        if (!row.status().isFinished()) {
            return Uni.createFrom().item(summary);
        }
        return scans.cookieOverrides(row.siteId()).flatMap(overrides -> Uni.combine().all()
                .unis(scans.cookies(row.id()), scans.trackers(row.id()), scans.pages(row.id()), scans.errors(row.id()),
                        previousScan(row), scans.browserPages(row.id()), scans.requests(row.id()))
                .asTuple()
                .map(parts -> {
                    List<ScanCookie> cookies = Overrides.apply(parts.getItem1(), overrides);
                    // The diff compares what each scan decided when it ran, an override of that time included.
                    Previous previous = parts.getItem5();
                    ScanView.Diff diff = !row.listsCookies() ? null // a failed scan changes no list
                            : previous.scanId() == null ? ScanDiff.first(parts.getItem1())
                            : ScanDiff.between(previous.scanId(), previous.cookies(), parts.getItem1());
                    return summary.with(results(row, cookies, parts.getItem2(), parts.getItem3(), parts.getItem4(),
                            parts.getItem6(), parts.getItem7()), diff);
                }));
    }

    /** The site's previous finished scan and its cookies; an empty one before the first scan. */
    private record Previous(UUID scanId, List<ScanCookie> cookies) {
    }

    private Uni<Previous> previousScan(ScanRow row) {
        return scans.previousDoneScan(row).flatMap(previous -> previous == null
                ? Uni.createFrom().item(new Previous(null, List.of()))
                : scans.cookies(previous.id()).map(cookies -> new Previous(previous.id(), cookies)));
    }

    private static ScanView.Results results(ScanRow row, List<ScanCookie> cookies, List<ScanTracker> trackers,
            List<PageVisit> pages, List<Map<String, String>> errors, List<BrowserReport.Page> browserPages,
            List<BrowserFindings.HostRequest> requests) {
        Map<String, Integer> byCategory = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            byCategory.put(category.label(), 0);
        }
        int observed = 0;
        int violations = 0;
        for (ScanCookie c : cookies) {
            byCategory.merge(c.category().label(), 1, Integer::sum);
            observed += ScanCookie.OBSERVED.equals(c.found()) ? 1 : 0;
            violations += c.violation() ? 1 : 0;
        }
        ScanView.Summary summary = new ScanView.Summary(pages.size(), row.resources(), cookies.size(), observed,
                cookies.size() - observed, violations, byCategory, errors.size());
        return new ScanView.Results(row.origins(), row.method(), row.methodNote(), row.headline(), summary, cookies,
                trackers, pages, browserPages, requests, errors, row.deadlineHit());
    }

    // ---- overrides ----

    /** Everything the owner said about the site's cookies, in name order. */
    public Uni<List<CookieOverride>> listOverrides(UUID siteId) {
        return requireSite(siteId).flatMap(site -> scans.cookieOverrides(siteId))
                .map(overrides -> List.copyOf(overrides.values()));
    }

    /** Sets the owner's category for a cookie name; their words for it stay. */
    public Uni<CookieOverride> putOverride(UUID siteId, String name, String categoryLabel) {
        return putOverride(siteId, name, OverrideEdit.of(requireCategoryLabel(categoryLabel), null, null, null));
    }

    /**
     * Changes the owner's category, purpose, vendor or retention of a cookie name, as the edit says; answers the
     * override as it is now (all empty when nothing is left of it). A change makes a new banner version when the
     * banner shows it.
     */
    public Uni<CookieOverride> putOverride(UUID siteId, String name, OverrideEdit edit) {
        String cookieName = requireName(name);
        LOG.debugf("Override of cookie %s on site %s: %s", cookieName, siteId, edit);
        return requireSite(siteId)
                .flatMap(site -> scans.editOverride(siteId, cookieName, edit, Instant.now()))
                .call(edited -> edited.changed() ? bannerLists.publish(siteId) : Uni.createFrom().voidItem())
                .map(ScanRepository.EditedOverride::override);
    }

    /** Removes the owner's override of a cookie name, category and words; false when there was none. */
    public Uni<Boolean> deleteOverride(UUID siteId, String name) {
        String cookieName = requireName(name);
        return requireSite(siteId)
                .flatMap(site -> scans.deleteOverride(siteId, cookieName))
                .call(deleted -> deleted ? bannerLists.publish(siteId) : Uni.createFrom().voidItem());
    }

    // ---- declared tracker hosts ----

    public Uni<Map<String, String>> listHostOverrides(UUID siteId) {
        return requireSite(siteId).flatMap(site -> scans.hostOverrides(siteId)).map(ScanService::labels);
    }

    /** Declares a script host a tracker of a category, or no tracker (functional); a change makes a new banner version. */
    public Uni<Map<String, String>> putHostOverride(UUID siteId, String rawHost, String categoryLabel) {
        String host = HostOverrides.normalize(rawHost);
        Category category = requireCategory(categoryLabel);
        return requireSite(siteId)
                .flatMap(site -> scans.putHostOverride(siteId, host, category, Instant.now()))
                .call(changed -> changed ? bannerLists.publish(siteId) : Uni.createFrom().voidItem())
                .map(changed -> Map.of("host", host, "category", category.label()));
    }

    /** Removes the owner's word on a host; false when there was none. */
    public Uni<Boolean> deleteHostOverride(UUID siteId, String rawHost) {
        String host = HostOverrides.normalize(rawHost);
        return requireSite(siteId)
                .flatMap(site -> scans.deleteHostOverride(siteId, host))
                .call(deleted -> deleted ? bannerLists.publish(siteId) : Uni.createFrom().voidItem());
    }

    private static Map<String, String> labels(Map<String, Category> overrides) {
        Map<String, String> labels = new LinkedHashMap<>();
        overrides.forEach((name, category) -> labels.put(name, category.label()));
        return labels;
    }

    private Uni<List<String>> requireSite(UUID siteId) {
        return siteLookup.domains(siteId).map(domains -> {
            if (domains == null) {
                throw ProblemException.notFound("No site with id " + siteId);
            }
            return domains;
        });
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw ProblemException.badRequest("The cookie name must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        return name;
    }

    private static String requireCategoryLabel(String label) {
        if (label == null) {
            throw ProblemException.badRequest("'category' is required: functional, analytical or marketing");
        }
        return label;
    }

    private static Category requireCategory(String label) {
        if (label == null) {
            throw ProblemException.badRequest("'category' is required: functional, analytical or marketing");
        }
        return OverrideEdit.category(label);
    }
}
