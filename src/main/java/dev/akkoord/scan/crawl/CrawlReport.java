package dev.akkoord.scan.crawl;

import dev.akkoord.scan.tracker.TrackerSighting;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Everything one crawl found. Cookies are deduplicated by name and domain; trackers by tracker and account id.
 *
 * @param origins      the origin each site domain was crawled from (https, else http)
 * @param pages        the pages fetched, in the order they finished
 * @param cookies      the cookies responses set
 * @param trackers     the trackers seen on pages
 * @param problems     what went wrong, per URL
 * @param pagesQueued  pages discovered but not fetched (page limit, deadline)
 * @param resourcesFetched scripts, frames and pixels fetched
 * @param thirdPartyHosts  hosts outside the site that pages load resources from, one entry per host
 * @param deadlineHit  whether the crawl stopped at its time limit
 * @param robots       the robots.txt rules read, per origin authority
 */
public record CrawlReport(List<URI> origins, List<PageVisit> pages, List<CookieSighting> cookies,
        List<TrackerSighting> trackers, List<FetchProblem> problems, int pagesQueued, int resourcesFetched,
        List<LoadedResource> thirdPartyHosts, boolean deadlineHit, Map<String, RobotsRules> robots) {

    public CrawlReport {
        origins = List.copyOf(origins);
        pages = List.copyOf(pages);
        cookies = List.copyOf(cookies);
        trackers = List.copyOf(trackers);
        problems = List.copyOf(problems);
        thirdPartyHosts = List.copyOf(thirdPartyHosts);
        robots = Map.copyOf(robots);
    }

    /** Whether robots.txt lets the scanner visit this page (a page found later, in a rendered DOM). */
    public boolean robotsAllow(URI url) {
        return RobotsRules.forUrl(robots, url).allows(url);
    }
}
