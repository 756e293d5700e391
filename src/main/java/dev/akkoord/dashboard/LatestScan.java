package dev.akkoord.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.akkoord.scan.BrowserFindings;
import dev.akkoord.scan.CookieTally;
import dev.akkoord.scan.ScanView;
import dev.akkoord.scan.browser.BrowserReport;
import dev.akkoord.scan.browser.Journey;

/**
 * The site's latest finished scan as the Cookies and Scans pages show it: the headline first, how the site was
 * scanned, the cookies, and what the browser saw per page and of hosts outside the site.
 *
 * @param method     {@code browser} or {@code static}
 * @param methodNote which browser scanned, or why cookies set by JavaScript were not looked for
 */
record LatestScan(UUID id, Instant finishedAt, String method, String methodNote, String headline,
        List<CookieRow> cookies, CookieTally tally, List<PageRow> pages, List<RequestRow> requests) {

    static LatestScan of(ScanView view) {
        ScanView.Results results = view.results();
        SiteUrls urls = new SiteUrls(results.origins());
        List<BrowserFindings.HostRequest> requests = results.requests() == null ? List.of() : results.requests();
        List<BrowserReport.Page> pages = results.browserPages() == null ? List.of() : results.browserPages();
        return new LatestScan(view.id(), view.finishedAt(), results.method(), results.methodNote(),
                results.headline(), results.cookies().stream().map(cookie -> CookieRow.of(cookie, urls)).toList(),
                CookieTally.of(results.cookies(), results.method()), PageRow.sorted(pages, requests, urls), RequestRow.sorted(requests, urls));
    }

    /** Cookies set by JavaScript were not looked for: the owner must know the list may be short. */
    public boolean staticOnly() {
        return !BrowserFindings.BROWSER.equals(method);
    }

    /**
     * The headline without the method note at its end: a static scan's headline repeats the note, which the page
     * shows in its own warning box.
     */
    public String headlineText() {
        if (headline == null || methodNote == null || !headline.endsWith(methodNote)) {
            return headline;
        }
        return headline.substring(0, headline.length() - methodNote.length()).strip();
    }

    /** {@code bad} for findings against the visitors' choice; {@code ok} only when a browser looked and found none. */
    public String tone() {
        if (cookies.stream().anyMatch(CookieRow::violation) || requests.stream().anyMatch(RequestRow::violation)
                || pages.stream().anyMatch(PageRow::bannerMissing)) {
            return "bad";
        }
        return staticOnly() ? "" : "ok";
    }

    /**
     * One page of the browser pass.
     *
     * @param finalPage         where it redirected to, or null when it did not
     * @param banner            whether Akkoord's banner showed; null when the page did not load
     * @param journeys          the journeys run on it, in the order of {@link Journey}
     * @param storage           Web Storage and IndexedDB names, per kind of storage that holds any
     * @param trackers          tracker hosts this page contacted without consent
     */
    record PageRow(String page, String finalPage, int status, Boolean banner, List<String> journeys,
            List<Storage> storage, List<String> trackers, String problem) {

        /** Pages without the banner or that did not load first, then by address. */
        static List<PageRow> sorted(List<BrowserReport.Page> pages, List<BrowserFindings.HostRequest> requests,
                SiteUrls urls) {
            return pages.stream().map(page -> of(page, requests, urls))
                    .sorted(Comparator.comparing(PageRow::bannerShown).thenComparing(PageRow::page))
                    .toList();
        }

        static PageRow of(BrowserReport.Page page, List<BrowserFindings.HostRequest> requests, SiteUrls urls) {
            String url = page.url().toString();
            String finalUrl = page.finalUrl().toString();
            List<Storage> storage = new ArrayList<>();
            Storage.add(storage, "localStorage", page.localStorage());
            Storage.add(storage, "sessionStorage", page.sessionStorage());
            Storage.add(storage, "IndexedDB", page.indexedDb());
            // The page knows which outside hosts it contacted without consent; the requests say which are trackers.
            Set<String> trackerHosts = new HashSet<>();
            requests.stream().filter(BrowserFindings.HostRequest::violation).forEach(r -> trackerHosts.add(r.host()));
            List<String> trackers = page.outsideHosts().stream().filter(trackerHosts::contains).toList();
            return new PageRow(urls.shorten(url), finalUrl.equals(url) ? null : urls.shorten(finalUrl), page.status(),
                    page.banner(), page.journeys().stream().sorted().map(Journey::label).toList(), storage, trackers,
                    page.problem());
        }

        public boolean bannerMissing() {
            return Boolean.FALSE.equals(banner);
        }

        public boolean bannerShown() {
            return Boolean.TRUE.equals(banner);
        }
    }

    /** The names one kind of browser storage holds ({@code localStorage}, {@code sessionStorage}, IndexedDB). */
    record Storage(String kind, List<String> names) {

        static void add(List<Storage> storage, String kind, List<String> names) {
            if (!names.isEmpty()) {
                storage.add(new Storage(kind, List.copyOf(names)));
            }
        }
    }

    /**
     * Requests to one host outside the site in one phase of the journeys.
     *
     * @param violation a tracker host contacted before consent, after a rejection or under GPC
     */
    record RequestRow(String host, String phase, String category, String vendor, int count, int pages,
            String example, String exampleUrl, String firstPage, boolean violation) {

        /** Those against the visitor's choice first, then by host and phase as the journeys run. */
        static List<RequestRow> sorted(List<BrowserFindings.HostRequest> requests, SiteUrls urls) {
            List<String> phases = List.of("before-consent", "after-reject", "under-gpc", "after-accept");
            return requests.stream()
                    .sorted(Comparator.comparing((BrowserFindings.HostRequest r) -> !r.violation())
                            .thenComparing(BrowserFindings.HostRequest::host)
                            .thenComparing(r -> phases.indexOf(r.phase())))
                    .map(r -> new RequestRow(r.host(), r.phase(), r.category(), r.vendor(), r.count(), r.pages(),
                            urls.shorten(r.example()), r.example(), urls.shorten(r.page()), r.violation()))
                    .toList();
        }
    }
}
