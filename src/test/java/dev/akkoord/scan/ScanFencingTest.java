package dev.akkoord.scan;

import static dev.akkoord.testsupport.Api.createSite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akkoord.scan.crawl.FixtureServer;
import dev.akkoord.scan.crawl.PageVisit;
import dev.akkoord.testsupport.ExternalServersToo;
import dev.akkoord.testsupport.Waits;
import dev.akkoord.web.Outages;
import dev.akkoord.testsupport.TunedSettingsProfile;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two workers on one scan: the first is held on the start page (as a paused process would be) until the second has
 * taken the scan over. Woken up, the first must fetch nothing more and write nothing; the second finishes the scan.
 * And the writes alone: an attempt that is not the current one lands none, whatever the worker believes.
 */
@QuarkusTest
@ExternalServersToo
@TestProfile(TunedSettingsProfile.class)
class ScanFencingTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String START_PAGE = "<html><body><a href=\"/a\">a</a> <a href=\"/b\">b</a> "
            + "<a href=\"/c\">c</a></body></html>";

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    ScanRepository repository;

    @Inject
    ScanRunner runner;

    @Inject
    ScanConfig config;

    @Inject
    Pool pool;

    @Inject
    Outages outages;

    /** The scan's row and how many rows of findings it has, to see that nothing was written. */
    private record Written(ScanRow scan, long findings) {
    }

    @Test
    void shouldStopAWorkerPausedPastItsTakeoverBeforeItFetchesOrWritesAnything() throws Exception {
        Vertx vertx = Vertx.vertx();
        String stream = "akkoord:test-fencing:" + UUID.randomUUID();
        BlockingQueue<HttpServerRequest> held = new LinkedBlockingQueue<>();
        try (FixtureServer site = new FixtureServer(vertx.getDelegate())) {
            site.route("/", held::add);
            for (String page : List.of("/a", "/b", "/c")) {
                site.page(page, "<html><body>" + page + "</body></html>", "seen" + page.substring(1) + "=1; Path=/");
            }
            UUID siteId = UUID.fromString(createSite("Fenced", "127.0.0.1:" + site.port()).getString("id"));
            UUID scanId = UUID.randomUUID();
            repository.insertScan(scanId, siteId, ScanTrigger.REQUEST, null, Instant.now()).await().atMost(WAIT);
            // Two instances on a stream of their own: no other test's entries get in the way.
            ScanQueue queue = new ScanQueue(redis, stream);
            queue.enqueue(scanId, siteId).await().atMost(WAIT);
            ScanWorker paused = new ScanWorker(queue, runner, config, outages);
            ScanWorker successor = new ScanWorker(queue, runner, config, outages);

            assertEquals(1, paused.poll().await().atMost(WAIT));
            HttpServerRequest pausedOnStart = held.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(1, scan(scanId).attempts());
            // From here the first worker is paused: held on its request, it neither polls nor renews its claim.
            Waits.until("the successor takes the scan over once it was quiet for claim-after (1 s)", WAIT, () -> {
                Integer started = successor.poll().await().atMost(WAIT);
                return started == 1;
            });
            HttpServerRequest successorOnStart = held.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            ScanRow takenOver = scan(scanId);
            assertEquals(2, takenOver.attempts());
            assertEquals(successor.consumer(), takenOver.worker());
            Written beforeWaking = written(scanId);
            int requestsBeforeWaking = site.hits();

            // The paused worker wakes up to its start page, which links to three more pages.
            answer(pausedOnStart);
            Waits.until("the paused worker's run ends", WAIT, () -> paused.running() == 0);

            assertEquals(requestsBeforeWaking, site.hits(), "the paused worker fetched nothing after waking up");
            assertEquals(beforeWaking, written(scanId), "nor did it write anything");

            answer(successorOnStart);
            Waits.until("the successor finishes the scan", WAIT, () -> {
                successor.poll().await().atMost(WAIT);
                return scan(scanId).status() == ScanStatus.DONE;
            });
            ScanRow done = scan(scanId);
            assertEquals(successor.consumer(), done.worker());
            assertEquals(4, done.pagesDone());
            for (String page : List.of("/a", "/b", "/c")) {
                assertEquals(1, site.hits(page), "fetched by the successor alone: " + page);
            }
            Waits.until("the successor acknowledges the entry", WAIT, () -> redis.stream(String.class)
                    .xpending(stream, ScanQueue.GROUP).await().atMost(WAIT).getPendingCount() == 0);
        } finally {
            held.forEach(ScanFencingTest::answer);
            vertx.closeAndAwait();
            redis.key().del(stream).await().atMost(WAIT);
        }
    }

    @Test
    void shouldLandNoWriteOfAnAttemptThatIsNoLongerTheCurrentOne() {
        UUID siteId = UUID.fromString(createSite("Fenced writes", "fenced-writes.test").getString("id"));
        UUID scanId = UUID.randomUUID();
        repository.insertScan(scanId, siteId, ScanTrigger.REQUEST, null, Instant.now()).await().atMost(WAIT);
        int first = repository.startScan(scanId, "first", Instant.now()).await().atMost(WAIT).attempts();
        int second = repository.startScan(scanId, "second", Instant.now()).await().atMost(WAIT).attempts();
        assertEquals(first + 1, second);
        Written taken = written(scanId);
        ScanFindings findings = new ScanFindings(List.of(URI.create("https://fenced-writes.test/")),
                List.of(new PageVisit(URI.create("https://fenced-writes.test/"),
                        URI.create("https://fenced-writes.test/"), 0, 200, "text/html", true)),
                List.of(), List.of(), List.of(), 0, 1, false, "stale", BrowserFindings.staticOnly("stale"));

        assertFalse(repository.attemptIsCurrent(scanId, first).await().atMost(WAIT));
        assertFalse(repository.progress(scanId, first, 7, 7).await().atMost(WAIT));
        assertFalse(repository.saveFindings(scanId, first, findings, ScanOutcome.DONE, Instant.now()).await().atMost(WAIT));
        assertFalse(repository.failScan(scanId, first, ScanOutcome.failed(ScanOutcome.Kind.GAVE_UP, "stale"), Instant.now()).await().atMost(WAIT));
        assertEquals(taken, written(scanId), "none of the first attempt's writes landed");

        assertTrue(repository.attemptIsCurrent(scanId, second).await().atMost(WAIT));
        assertTrue(repository.saveFindings(scanId, second, findings, ScanOutcome.DONE, Instant.now()).await().atMost(WAIT));
        assertEquals(ScanStatus.DONE, scan(scanId).status());
        // The token never goes back, or a superseded attempt could write again.
        Throwable back = pool.preparedQuery("UPDATE scans SET attempts = $2 WHERE id = $1")
                .execute(Tuple.of(scanId, first)).onItemOrFailure().transform((rows, error) -> error)
                .await().atMost(WAIT);
        assertTrue(back != null && back.getMessage().contains("fencing token"), "refused: " + back);
    }

    private static void answer(HttpServerRequest request) {
        request.response().putHeader("Content-Type", "text/html; charset=utf-8").end(START_PAGE);
    }

    private ScanRow scan(UUID scanId) {
        return repository.findScan(scanId).await().atMost(WAIT);
    }

    private Written written(UUID scanId) {
        long findings = 0;
        for (String table : List.of("scan_pages", "scan_cookies", "scan_errors", "scan_trackers",
                "scan_browser_pages", "scan_requests")) {
            findings += pool.preparedQuery("SELECT count(*) AS n FROM " + table + " WHERE scan_id = $1")
                    .execute(Tuple.of(scanId)).await().atMost(WAIT).iterator().next().getLong("n");
        }
        return new Written(scan(scanId), findings);
    }
}
