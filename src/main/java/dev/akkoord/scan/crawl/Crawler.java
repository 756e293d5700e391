package dev.akkoord.scan.crawl;

import dev.akkoord.scan.tracker.TrackerCatalog;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Crawls sites. One instance serves every crawl of the application: it owns the HTTP client and the per-host limits
 * that all crawls share.
 */
public final class Crawler {

    private final Vertx vertx;
    private final Fetcher fetcher;
    private final TrackerCatalog trackerCatalog;
    private final Executor worker;

    /**
     * @param worker where pages are parsed and DNS is resolved; never an event loop
     */
    public Crawler(Vertx vertx, AddressPolicy addressPolicy, HostLimits hostLimits, TrackerCatalog trackerCatalog,
            Executor worker, String userAgent) {
        this.vertx = vertx;
        this.fetcher = new Fetcher(vertx, new AddressGuard(addressPolicy, worker), hostLimits, userAgent);
        this.trackerCatalog = trackerCatalog;
        this.worker = worker;
    }

    /**
     * Crawls the site with these domains (each may carry a port). Never fails: what went wrong is in the report.
     */
    public Uni<CrawlReport> crawl(List<String> domains, CrawlSettings settings, CrawlListener listener) {
        return crawl(domains, settings, listener, CrawlGate.OPEN);
    }

    /**
     * Crawls as above, asking the gate before every request. Fails only when the gate does, with its failure; the
     * requests in flight then end unread and nothing more is fetched.
     */
    public Uni<CrawlReport> crawl(List<String> domains, CrawlSettings settings, CrawlListener listener,
            CrawlGate gate) {
        SiteScope scope = new SiteScope(domains);
        return Uni.createFrom().emitter(emitter ->
                new Crawl(vertx, fetcher, trackerCatalog, worker, settings, scope, listener, gate, emitter).begin());
    }

    public void close() {
        fetcher.close();
    }
}
