package dev.akkoord.scan.crawl;

import io.smallrye.mutiny.Uni;

/**
 * Asked before every request of a scan whether the scan may still go on. A scan whose work was handed to someone
 * else (another worker took it over) must not fetch one page more; the gate says so by failing, and the crawl then
 * stops and fails with the gate's failure. Answers should usually come from memory: the gate is asked often.
 */
@FunctionalInterface
public interface CrawlGate {

    CrawlGate OPEN = () -> Uni.createFrom().voidItem();

    /** Completes to go on; fails to stop the scan, with the reason it is to fail with. */
    Uni<Void> check();
}
