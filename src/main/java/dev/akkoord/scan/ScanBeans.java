package dev.akkoord.scan;

import dev.akkoord.classify.Classifier;
import dev.akkoord.scan.browser.BrowserScanner;
import dev.akkoord.scan.crawl.AddressGuard;
import dev.akkoord.scan.crawl.AddressPolicy;
import dev.akkoord.scan.crawl.Crawler;
import dev.akkoord.scan.crawl.HostLimits;
import dev.akkoord.scan.tracker.TrackerCatalog;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;

/** The scanner's plain-Java parts, built once per application from {@link ScanConfig}. */
@Singleton
final class ScanBeans {

    private static final Logger LOG = Logger.getLogger(ScanBeans.class);

    @Produces
    @Singleton
    TrackerCatalog trackerCatalog() {
        return TrackerCatalog.bundled();
    }

    @Produces
    @Singleton
    Crawler crawler(Vertx vertx, ScanConfig config, TrackerCatalog trackers) {
        return new Crawler(vertx, addressPolicy(config), new HostLimits(config.perHostConcurrency()), trackers,
                Infrastructure.getDefaultWorkerPool(), config.crawlSettings().userAgent());
    }

    void closeCrawler(@Disposes Crawler crawler) {
        crawler.close();
    }

    /** The browser reaches the same addresses as the static crawl, vetted by the same guard. */
    @Produces
    @Singleton
    BrowserScanner browserScanner(ScanConfig config) {
        BrowserScanner scanner = new BrowserScanner(
                new AddressGuard(addressPolicy(config), Infrastructure.getDefaultWorkerPool()),
                config.browserSettings());
        if (!scanner.available() && config.browser().equalsIgnoreCase("on")) {
            LOG.warn(scanner.unavailableReason());
        }
        return scanner;
    }

    void closeBrowserScanner(@Disposes BrowserScanner scanner) {
        scanner.close();
    }

    /** The scanner's address guard, for other outbound requests to addresses an owner gives (alert webhooks). */
    @Produces
    @Singleton
    AddressGuard outboundGuard(ScanConfig config) {
        return new AddressGuard(addressPolicy(config), Infrastructure.getDefaultWorkerPool());
    }

    private static AddressPolicy addressPolicy(ScanConfig config) {
        AddressPolicy policy = AddressPolicy.allowing(config.allowHosts().orElse(List.of()));
        return config.onlyAllowedHosts() ? policy.onlyAllowed() : policy;
    }

    @Produces
    @Singleton
    ScanQueue scanQueue(ReactiveRedisDataSource redis) {
        return new ScanQueue(redis, ScanQueue.STREAM);
    }

    @Produces
    @Singleton
    ScanAnalyzer scanAnalyzer(Classifier classifier) {
        return new ScanAnalyzer(classifier);
    }
}
