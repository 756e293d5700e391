package dev.akkoord.scan;

import static dev.akkoord.testsupport.Api.createSite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akkoord.scan.crawl.FixtureServer;
import dev.akkoord.testsupport.ExternalServersToo;
import dev.akkoord.web.Outages;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.PendingMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The queue across instances: the daily enqueue happens once per site, and a dead worker's scan is taken over. */
@QuarkusTest
@ExternalServersToo
class ScanSchedulingTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    ScanRepository repository;

    @Inject
    ScanQueue queue;

    @Inject
    ScanWorker worker;

    @Inject
    Pool pool;

    @Inject
    Outages outages;

    @Inject
    Scheduler scheduler;

    @Inject
    SiteLookup sites;

    @Test
    void shouldEnqueueEachSitesDailyScanExactlyOnceWhateverTheNumberOfInstances() {
        createSite("Daily one", "daily-one.test");
        createSite("Daily two", "daily-two.test");
        // Two instances: each its own scheduler object, sharing Redis and the database. Their stream is not the
        // one the worker reads, so nothing gets crawled.
        String stream = "akkoord:test-daily:" + UUID.randomUUID();
        ScanScheduler first = new ScanScheduler(new ScanQueue(redis, stream), repository, outages, scheduler, sites);
        ScanScheduler second = new ScanScheduler(new ScanQueue(redis, stream), repository, outages, scheduler, sites);
        LocalDate day = LocalDate.of(2090, 1, 1).plusDays(Math.floorMod(stream.hashCode(), 10_000));
        int sites = this.sites.liveSiteIds().await().atMost(WAIT).size();
        try {
            List<Integer> counts = Uni.join().all(first.enqueueDailyScans(day), second.enqueueDailyScans(day),
                    first.enqueueDailyScans(day), second.enqueueDailyScans(day)).andFailFast().await().atMost(WAIT);

            assertEquals(sites, counts.stream().mapToInt(Integer::intValue).sum(), "one enqueue per site: " + counts);
            assertEquals(sites, redis.stream(String.class).xlen(stream).await().atMost(WAIT).intValue());
            long rows = pool.preparedQuery("SELECT count(*) AS n FROM scans WHERE schedule_day = $1")
                    .execute(Tuple.of(day)).await().atMost(WAIT).iterator().next().getLong("n");
            assertEquals(sites, rows);
            long distinctSites = pool.preparedQuery("SELECT count(DISTINCT site_id) AS n FROM scans "
                    + "WHERE schedule_day = $1").execute(Tuple.of(day)).await().atMost(WAIT).iterator().next().getLong("n");
            assertEquals(sites, distinctSites);

            assertEquals(0, first.enqueueDailyScans(day).await().atMost(WAIT), "the day is taken");
            assertEquals(sites, second.enqueueDailyScans(day.plusDays(1)).await().atMost(WAIT), "a new day, new scans");
        } finally {
            pool.preparedQuery("DELETE FROM scans WHERE schedule_day IN ($1, $2)")
                    .execute(Tuple.of(day, day.plusDays(1))).await().atMost(WAIT);
            redis.key().del(stream).await().atMost(WAIT);
        }
    }

    @Test
    void shouldTakeOverTheScanOfAWorkerThatDied() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (FixtureServer site = new FixtureServer(vertx.getDelegate())) {
            site.page("/", "<html><body>reclaimed</body></html>", "PHPSESSID=1; Path=/");
            JsonPath created = createSite("Reclaimed", "127.0.0.1:" + site.port());
            String siteId = created.getString("id");
            String key = created.getString("apiKey");
            String scanId = Scans.request(siteId, key);

            // A worker on another instance takes the entry and dies before acknowledging it.
            List<ScanQueue.Entry> taken = queue.readNew("dead-worker", 100).await().atMost(WAIT);
            ScanQueue.Entry entry = taken.stream().filter(e -> e.scanId().toString().equals(scanId)).findFirst()
                    .orElseThrow();
            assertEquals("dead-worker", pendingOwner(entry.id()));
            worker.poll().await().atMost(WAIT);
            assertEquals(ScanStatus.QUEUED, repository.findScan(UUID.fromString(scanId)).await().atMost(WAIT).status(),
                    "not stale yet (claim-after is 1 s in tests): nobody else may take it");
            assertEquals("dead-worker", pendingOwner(entry.id()));

            Thread.sleep(1_200);
            JsonPath scan = Scans.awaitFinished(worker, siteId, scanId, key);

            assertEquals("done", scan.getString("status"));
            assertEquals(1, site.hits("/"));
            ScanRow row = repository.findScan(UUID.fromString(scanId)).await().atMost(WAIT);
            assertEquals(worker.consumer(), row.worker(), "this instance's worker finished it");
            assertNotEquals("dead-worker", row.worker());
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (pendingOwner(entry.id()) != null && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(null, pendingOwner(entry.id()), "acknowledged once stored");
        } finally {
            vertx.closeAndAwait();
        }
    }

    @Test
    void shouldRunEachEntryOnceWhenTwoWorkersPoll() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (FixtureServer site = new FixtureServer(vertx.getDelegate())) {
            site.page("/", "<html><body>once</body></html>");
            JsonPath created = createSite("Once", "127.0.0.1:" + site.port());
            String scanId = Scans.request(created.getString("id"), created.getString("apiKey"));
            Set<String> seen = new HashSet<>();
            List<ScanQueue.Entry> a = queue.readNew("instance-a", 100).await().atMost(WAIT);
            List<ScanQueue.Entry> b = queue.readNew("instance-b", 100).await().atMost(WAIT);
            a.forEach(e -> seen.add(e.id()));
            assertTrue(b.stream().noneMatch(e -> seen.contains(e.id())), "a consumer group hands an entry out once");
            assertTrue(a.stream().anyMatch(e -> e.scanId().toString().equals(scanId))
                    || b.stream().anyMatch(e -> e.scanId().toString().equals(scanId)));
            // leave them to be taken over by the real worker in a second, as after a crash
            Thread.sleep(1_200);
            Scans.awaitFinished(worker, created.getString("id"), scanId, created.getString("apiKey"));
            assertEquals(1, site.hits("/"));
        } finally {
            vertx.closeAndAwait();
        }
    }

    private String pendingOwner(String entryId) {
        List<PendingMessage> pending = redis.stream(String.class).xpending(ScanQueue.STREAM, ScanQueue.GROUP,
                StreamRange.of(entryId, entryId), 1).await().atMost(WAIT);
        return pending.isEmpty() ? null : pending.get(0).getConsumer();
    }
}
