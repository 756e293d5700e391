package dev.akkoord.scan;

import dev.akkoord.scan.browser.BrowserReport;
import java.util.List;

/**
 * What the browser pass adds to a scan's findings, or why there was none.
 *
 * @param method   {@code browser} or {@code static}
 * @param note     for the owner: which browser scanned, or why cookies set by JavaScript were not looked for
 * @param pages    each page the browser visited: banner, journeys, storage names
 * @param requests requests to hosts outside the site, per host and phase, with the host's category where known
 */
public record BrowserFindings(String method, String note, List<BrowserReport.Page> pages, List<HostRequest> requests) {

    public static final String BROWSER = "browser";
    public static final String STATIC = "static";

    public BrowserFindings {
        pages = List.copyOf(pages);
        requests = List.copyOf(requests);
    }

    static BrowserFindings staticOnly(String note) {
        return new BrowserFindings(STATIC, note, List.of(), List.of());
    }

    /**
     * Requests to one outside host in one phase of the consent journeys.
     *
     * @param phase     {@code before-consent}, {@code after-reject}, {@code after-accept} or {@code under-gpc}
     * @param category  the host's category when it is a known tracker or vendor host, else null
     * @param violation a tracker host contacted without consent
     */
    public record HostRequest(String host, String phase, String example, String page, int count, int pages,
            String category, String vendor, boolean violation) {
    }
}
