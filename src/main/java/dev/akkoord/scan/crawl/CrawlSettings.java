package dev.akkoord.scan.crawl;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of one crawl. Plain values so that the crawler runs without CDI (tests and the benchmark build it
 * directly); the application builds it from {@code ScanConfig}.
 *
 * @param maxPages           pages fetched at most (robots.txt, sitemaps and loaded resources do not count)
 * @param maxDepth           link hops from the start page; sitemap entries count as depth 1
 * @param maxBodyBytes       largest page, robots.txt or sitemap body read; a larger one is abandoned
 * @param maxResourceBytes   bytes read at most from a script, frame or pixel (only its headers matter)
 * @param maxResources       scripts, frames and pixels fetched at most per crawl
 * @param requestTimeout     whole time one request may take, from connect to the last body byte
 * @param maxRedirects       redirects followed per request
 * @param perHostConcurrency requests in flight at once to one host, shared by all crawls of this instance
 * @param thirdPartyFetch    whether scripts, frames and pixels on hosts outside the site are fetched
 * @param crawlTimeout       whole time one crawl may take; at the deadline it stops and reports what it has
 * @param userAgent          the User-Agent header; its first token is the robots.txt product name
 */
public record CrawlSettings(int maxPages, int maxDepth, int maxBodyBytes, int maxResourceBytes, int maxResources,
        Duration requestTimeout, int maxRedirects, int perHostConcurrency, boolean thirdPartyFetch,
        Duration crawlTimeout, String userAgent) {

    /** The robots.txt product token of the scanner. */
    public static final String ROBOTS_AGENT = "AkkoordScanner";

    public CrawlSettings {
        positive(maxPages, "maxPages");
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maxDepth must be >= 0, got " + maxDepth);
        }
        positive(maxBodyBytes, "maxBodyBytes");
        positive(maxResourceBytes, "maxResourceBytes");
        if (maxResources < 0) {
            throw new IllegalArgumentException("maxResources must be >= 0, got " + maxResources);
        }
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must be >= 0, got " + maxRedirects);
        }
        positive(perHostConcurrency, "perHostConcurrency");
        Objects.requireNonNull(crawlTimeout, "crawlTimeout");
        Objects.requireNonNull(userAgent, "userAgent");
    }

    /** The defaults of {@code akkoord.scan.*}. */
    public static CrawlSettings defaults() {
        return new CrawlSettings(100, 10, 2 * 1024 * 1024, 256 * 1024, 300, Duration.ofSeconds(10), 5, 4, true,
                Duration.ofMinutes(10), ROBOTS_AGENT + "/1.0 (cookie consent scan)");
    }

    public CrawlSettings withMaxPages(int pages) {
        return new CrawlSettings(pages, maxDepth, maxBodyBytes, maxResourceBytes, maxResources, requestTimeout,
                maxRedirects, perHostConcurrency, thirdPartyFetch, crawlTimeout, userAgent);
    }

    public CrawlSettings withMaxDepth(int depth) {
        return new CrawlSettings(maxPages, depth, maxBodyBytes, maxResourceBytes, maxResources, requestTimeout,
                maxRedirects, perHostConcurrency, thirdPartyFetch, crawlTimeout, userAgent);
    }

    public CrawlSettings withMaxBodyBytes(int bytes) {
        return new CrawlSettings(maxPages, maxDepth, bytes, maxResourceBytes, maxResources, requestTimeout,
                maxRedirects, perHostConcurrency, thirdPartyFetch, crawlTimeout, userAgent);
    }

    public CrawlSettings withRequestTimeout(Duration timeout) {
        return new CrawlSettings(maxPages, maxDepth, maxBodyBytes, maxResourceBytes, maxResources, timeout,
                maxRedirects, perHostConcurrency, thirdPartyFetch, crawlTimeout, userAgent);
    }

    public CrawlSettings withThirdPartyFetch(boolean fetch) {
        return new CrawlSettings(maxPages, maxDepth, maxBodyBytes, maxResourceBytes, maxResources, requestTimeout,
                maxRedirects, perHostConcurrency, fetch, crawlTimeout, userAgent);
    }

    public CrawlSettings withPerHostConcurrency(int concurrency) {
        return new CrawlSettings(maxPages, maxDepth, maxBodyBytes, maxResourceBytes, maxResources, requestTimeout,
                maxRedirects, concurrency, thirdPartyFetch, crawlTimeout, userAgent);
    }

    private static void positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
    }
}
