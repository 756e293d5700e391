package dev.akkoord.consent;

import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.recordConsent;
import static dev.akkoord.testsupport.Api.verifyChain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.akkoord.testsupport.ExternalServersToo;
import dev.akkoord.testsupport.TestDatabase;
import dev.akkoord.testsupport.TunedSettingsProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A chain's head is signed every N records (here 5) without waiting for the timer (off in tests): once per N, by the
 * batch that reaches or passes a multiple of N.
 */
@QuarkusTest
@ExternalServersToo
@TestProfile(TunedSettingsProfile.class)
class CheckpointEveryRecordsTest {

    private static final String ORIGIN = "https://www.example.test";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** Long enough for a checkpoint signed after a 201 to be stored: that takes milliseconds. */
    private static final Duration SETTLE = Duration.ofMillis(700);
    private static final ExecutorService VISITORS = Executors.newFixedThreadPool(8);

    @Inject
    Checkpointer checkpointer;

    @Inject
    TestDatabase db;

    @AfterAll
    static void stopVisitors() {
        VISITORS.shutdownNow();
    }

    @Test
    void shouldSignTheHeadOnceFiveRecordsAreAppendedAndNotBefore() throws Exception {
        JsonPath site = createSite("Every five", "www.example.test");
        UUID siteId = siteId(site);

        record(site, 4);
        Thread.sleep(SETTLE.toMillis());
        assertEquals(List.of(), stored(siteId), "four records are not yet five");

        record(site, 1);
        List<Checkpoint> first = awaitStored(siteId, cps -> !cps.isEmpty());
        assertEquals(1, first.size(), first.toString());
        assertEquals(Checkpoint.HEAD, first.get(0).kind());
        assertEquals(5, first.get(0).seq());
        assertEquals(hashAt(siteId, 5), first.get(0).hash(), "the checkpoint covers record 5 as stored");

        record(site, 4);
        Thread.sleep(SETTLE.toMillis());
        assertEquals(List.of(5L), seqs(stored(siteId)), "records 6 to 9 sign nothing");

        record(site, 1);
        awaitStored(siteId, cps -> cps.size() >= 2);
        Thread.sleep(SETTLE.toMillis());
        assertEquals(List.of(5L, 10L), seqs(stored(siteId)));
        assertEquals(List.of(5L, 10L), seqs(checkpointer.inLogFile(siteId).await().atMost(TIMEOUT)));
        JsonPath report = verifyChain(site, null, null);
        assertTrue(report.getBoolean("intact"), report.prettify());
        assertEquals(2, report.getInt("signedCheckpoints"), "both signatures are good");
    }

    @Test
    void shouldSignOncePerFiveRecordsWhenBatchesPassTheMultiples() throws Exception {
        JsonPath site = createSite("Busy every five", "www.example.test");
        UUID siteId = siteId(site);
        List<Future<?>> posts = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            posts.add(VISITORS.submit(() -> record(site, 1)));
        }
        for (Future<?> post : posts) {
            post.get();
        }
        // Batches of several records pass a multiple of 5 without ending on it; each such batch signs its end.
        List<Checkpoint> signed = awaitStored(siteId, cps -> !cps.isEmpty() && last(cps).seq() >= 45);
        Thread.sleep(SETTLE.toMillis());
        signed = stored(siteId);
        long previousMultiple = 0;
        for (Checkpoint checkpoint : signed) {
            long multiple = checkpoint.seq() / 5;
            assertTrue(multiple > previousMultiple, "one checkpoint per five records, not two: " + seqs(signed));
            previousMultiple = multiple;
        }
        assertEquals(9, previousMultiple, "the last multiple passed, 45, is signed: " + seqs(signed));
        JsonPath report = verifyChain(site, null, null);
        assertTrue(report.getBoolean("intact"), report.prettify());
        assertEquals(signed.size(), report.getInt("signedCheckpoints"));
    }

    /** The timer and the five-record rule may sign one head at once: the copy the database drops is not logged. */
    @Test
    void shouldNotLogASecondSignatureOfTheSameHead() throws Exception {
        JsonPath site = createSite("Signed twice", "www.example.test");
        UUID siteId = siteId(site);
        record(site, 5);
        awaitStored(siteId, cps -> !cps.isEmpty());

        ConsentRecord first = recordAt(siteId, 1);
        ConsentRecord fifth = recordAt(siteId, 5);
        List<Checkpoint> again = checkpointer.appended(List.of(first, fifth)).await().atMost(TIMEOUT);

        assertEquals(List.of(), again, "the second signature of record 5 is not stored");
        assertEquals(List.of(5L), seqs(checkpointer.inLogFile(siteId).await().atMost(TIMEOUT)));
        JsonPath report = verifyChain(site, null, null);
        assertTrue(report.getBoolean("intact"), report.prettify());
    }

    private List<Checkpoint> awaitStored(UUID siteId, Predicate<List<Checkpoint>> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        List<Checkpoint> found = stored(siteId);
        while (!done.test(found)) {
            assertTrue(Instant.now().isBefore(deadline), "checkpoints not signed within " + TIMEOUT + ": " + found);
            Thread.sleep(50);
            found = stored(siteId);
        }
        return found;
    }

    private List<Checkpoint> stored(UUID siteId) {
        return checkpointer.stored(siteId).await().atMost(TIMEOUT);
    }

    private String hashAt(UUID siteId, long seq) {
        return recordAt(siteId, seq).hash();
    }

    /** Enough of a stored record for the checkpointer: where it is and its hash. */
    private ConsentRecord recordAt(UUID siteId, long seq) {
        String hash = db.query("SELECT hash FROM consent_records WHERE site_id = $1 AND seq = $2", siteId, seq)
                .iterator().next().getString("hash");
        return new ConsentRecord(0, siteId, seq, "c", Instant.now(), "accept_all", true, true, "v", "nl", null,
                false, null, null, null, hash);
    }

    private static Checkpoint last(List<Checkpoint> checkpoints) {
        return checkpoints.get(checkpoints.size() - 1);
    }

    private static List<Long> seqs(List<Checkpoint> checkpoints) {
        return checkpoints.stream().map(Checkpoint::seq).toList();
    }

    private static void record(JsonPath site, int count) {
        for (int i = 0; i < count; i++) {
            recordConsent(site, ORIGIN, "accept_all", true, true);
        }
    }

    private static UUID siteId(JsonPath site) {
        return UUID.fromString(site.getString("id"));
    }
}
