package dev.akkoord.scan.browser;

import dev.akkoord.scan.crawl.FetchProblem;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Everything the browser pass of one scan saw.
 *
 * @param browser  the browser's product and version
 * @param pages    each page visited, in the order visits started
 * @param cookies  each cookie (by name and domain) any journey's context held at its end
 * @param requests requests to hosts outside the site, by host and phase
 * @param problems pages that could not be scanned, addresses the gate refused
 * @param visits   journeys run (a page with the banner gets up to four)
 */
public record BrowserReport(String browser, List<Page> pages, List<Cookie> cookies, List<HostRequest> requests,
        List<FetchProblem> problems, int visits, boolean deadlineHit) {

    public BrowserReport {
        pages = List.copyOf(pages);
        cookies = List.copyOf(cookies);
        requests = List.copyOf(requests);
        problems = List.copyOf(problems);
    }

    /**
     * One page.
     *
     * @param banner   whether Akkoord's banner showed; null when the page did not load
     * @param journeys the journeys run on it
     * @param localStorage   Web Storage and IndexedDB names the page holds (union over its journeys)
     * @param outsideHosts   hosts outside the site the page contacted without consent (before a decision, after a
     *                       rejection, under GPC); which of them are trackers is the analysis's to say
     */
    public record Page(URI url, URI finalUrl, int status, Boolean banner, List<Journey> journeys,
            List<String> localStorage, List<String> sessionStorage, List<String> indexedDb, String problem,
            List<String> outsideHosts) {

        public Page {
            outsideHosts = outsideHosts == null ? List.of() : List.copyOf(outsideHosts);
        }
    }

    /**
     * One cookie, never its value.
     *
     * @param setter           who set it, as first seen
     * @param journeys         the journeys whose context held it
     * @param phases           when it was set: before consent, after reject, after accept, under GPC
     * @param pages            pages on which a context held it
     * @param pagesWithoutConsent pages on which it was set before consent, after reject or under GPC
     */
    public record Cookie(String name, String domain, boolean hostOnly, String path, Instant expiresAt,
            Long lifetimeSeconds, boolean secure, boolean httpOnly, String sameSite, boolean partitioned, int size,
            int valueLength, String valueShape, URI firstPage, Setter setter, Set<Journey> journeys,
            Set<Phase> phases, int pages, Set<URI> pagesWithoutConsent) {

        public Cookie {
            journeys = Set.copyOf(journeys);
            phases = Set.copyOf(phases);
            pagesWithoutConsent = Set.copyOf(pagesWithoutConsent);
        }

        public boolean setBeforeConsent() {
            return phases.contains(Phase.BEFORE_CONSENT);
        }

        public boolean setAfterReject() {
            return phases.contains(Phase.AFTER_REJECT);
        }

        public boolean setUnderGpc() {
            return phases.contains(Phase.UNDER_GPC);
        }

        /** Appeared only once a visitor accepted: a crawl that never consents cannot see it. */
        public boolean onlyAfterAccept() {
            return phases.equals(Set.of(Phase.AFTER_ACCEPT));
        }
    }

    /** Requests to a host outside the site, in one phase. */
    public record HostRequest(String host, Phase phase, URI example, URI page, int count, int pages) {
    }
}
