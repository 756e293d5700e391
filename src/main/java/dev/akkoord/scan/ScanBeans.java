package dev.akkoord.scan;

import dev.akkoord.classify.Classifier;
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

/** The scanner's plain-Java parts, built once per application from {@link ScanConfig}. */
@Singleton
final class ScanBeans {

    @Produces
    @Singleton
    TrackerCatalog trackerCatalog() {
        return TrackerCatalog.bundled();
    }

    @Produces
    @Singleton
    Crawler crawler(Vertx vertx, ScanConfig config, TrackerCatalog trackers) {
        AddressPolicy policy = AddressPolicy.allowing(config.allowHosts().orElse(List.of()));
        if (config.onlyAllowedHosts()) {
            policy = policy.onlyAllowed();
        }
        return new Crawler(vertx, policy, new HostLimits(config.perHostConcurrency()), trackers,
                Infrastructure.getDefaultWorkerPool(), config.crawlSettings().userAgent());
    }

    void closeCrawler(@Disposes Crawler crawler) {
        crawler.close();
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
