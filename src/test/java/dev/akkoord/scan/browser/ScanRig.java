package dev.akkoord.scan.browser;

import dev.akkoord.scan.crawl.AddressGuard;
import dev.akkoord.scan.crawl.AddressPolicy;
import dev.akkoord.scan.crawl.CrawlListener;
import dev.akkoord.scan.crawl.CrawlReport;
import dev.akkoord.scan.crawl.CrawlSettings;
import dev.akkoord.scan.crawl.Crawler;
import dev.akkoord.scan.crawl.HostLimits;
import dev.akkoord.scan.crawl.SiteScope;
import dev.akkoord.scan.tracker.TrackerCatalog;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A static crawl and then the browser pass, as the application runs them, without Quarkus; only 127.0.0.1 may be
 * reached. Skips (loudly) where there is no Chromium.
 */
final class ScanRig implements AutoCloseable {

    static final AddressPolicy LOCAL_ONLY = AddressPolicy.allowing(List.of("127.0.0.1")).onlyAllowed();

    final Vertx vertx = Vertx.vertx();
    private final ExecutorService worker = Executors.newFixedThreadPool(2);
    final BrowserScanner scanner;

    ScanRig(BrowserSettings settings) {
        NeedsChromium.check(settings);
        scanner = new BrowserScanner(new AddressGuard(LOCAL_ONLY, worker), settings);
    }

    ScanRig() {
        this(BrowserSettings.defaults());
    }

    BrowserReport scan(int port) {
        List<String> domains = List.of("127.0.0.1:" + port);
        Crawler crawler = new Crawler(vertx, LOCAL_ONLY, new HostLimits(4), TrackerCatalog.bundled(), worker, "test");
        try {
            CrawlSettings settings = CrawlSettings.defaults().withRequestTimeout(Duration.ofSeconds(2));
            CrawlReport crawl = crawler.crawl(domains, settings, CrawlListener.NONE).await()
                    .atMost(Duration.ofSeconds(30));
            return scanner.scan(crawl, new SiteScope(domains), settings, System.currentTimeMillis() + 120_000,
                    CrawlListener.NONE).await().atMost(Duration.ofSeconds(150));
        } finally {
            crawler.close();
        }
    }

    @Override
    public void close() {
        scanner.close();
        vertx.closeAndAwait();
        worker.shutdownNow();
    }
}
