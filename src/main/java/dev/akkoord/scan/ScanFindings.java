package dev.akkoord.scan;

import dev.akkoord.scan.crawl.FetchProblem;
import dev.akkoord.scan.crawl.PageVisit;
import java.net.URI;
import java.util.List;

/**
 * A finished scan, classified and ready to store.
 *
 * @param headline what a site owner reads first, in one or two sentences
 * @param browser  the browser pass's pages and outside requests, or why there was none
 */
public record ScanFindings(List<URI> origins, List<PageVisit> pages, List<ScanCookie> cookies,
        List<ScanTracker> trackers, List<FetchProblem> problems, int pagesQueued, int resources, boolean deadlineHit,
        String headline, BrowserFindings browser) {

    public ScanFindings {
        origins = List.copyOf(origins);
        pages = List.copyOf(pages);
        cookies = List.copyOf(cookies);
        trackers = List.copyOf(trackers);
        problems = List.copyOf(problems);
    }
}
