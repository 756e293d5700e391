package dev.akkoord.scan.crawl;

/** Hears how a crawl is getting on. Called from worker threads; must be quick and must not block. */
@FunctionalInterface
public interface CrawlListener {

    CrawlListener NONE = (pagesDone, pagesQueued) -> {
    };

    void progress(int pagesDone, int pagesQueued);
}
