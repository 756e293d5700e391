package dev.akkoord.consent;

import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.recordConsent;
import static dev.akkoord.testsupport.Api.verifyChain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.akkoord.testsupport.ExternalServersToo;
import dev.akkoord.testsupport.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@ExternalServersToo
class RetentionPurgeTest {

    private static final String ORIGIN = "https://www.example.test";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Past a 30-day retention by a day. */
    private static final Duration PAST_RETENTION = Duration.ofDays(31);

    @Inject
    RetentionPurge purge;

    @Inject
    TestDatabase db;

    @Inject
    Superuser superuser;

    @Test
    void shouldPurgeOnlyRecordsOlderThanTheRetentionAndKeepTheChainVerifiable() {
        JsonPath site = siteKeeping(30);
        record(site, 3);
        superuser.backdate(siteId(site), PAST_RETENTION);
        record(site, 2);

        assertEquals(3, purgeSite(site));
        assertEquals(List.of(4L, 5L), seqs(site));
        JsonPath report = verifyChain(site, null, null);
        assertTrue(report.getBoolean("intact"), report.prettify());
        assertEquals(3, report.getLong("anchorSeq"));
        assertEquals(4, report.getLong("firstSeq"));
        assertEquals(2, report.getLong("checked"));
    }

    @Test
    void shouldGoByTheDatabaseClockAndLeaveRecordsWithinTheRetention() {
        JsonPath site = siteKeeping(30);
        record(site, 3);

        assertEquals(0, purgeSite(site));
        assertEquals(List.of(1L, 2L, 3L), seqs(site));
    }

    /** Another instance's clock may run behind: a younger record can sit before an older one in the chain. */
    @Test
    void shouldNeverPurgeARecordStillWithinItsRetention() {
        JsonPath site = siteKeeping(30);
        record(site, 4);
        superuser.backdate(siteId(site), PAST_RETENTION);
        db.asAttacker("UPDATE consent_records SET recorded_at = now() WHERE site_id = $1 AND seq = 2", siteId(site));

        assertEquals(1, purgeSite(site));
        assertEquals(List.of(2L, 3L, 4L), seqs(site));
    }

    @Test
    void shouldBeIdempotent() {
        JsonPath site = siteKeeping(30);
        record(site, 4);
        superuser.backdate(siteId(site), PAST_RETENTION);

        assertEquals(4, purgeSite(site));
        assertEquals(0, purgeSite(site));
        assertEquals(0, purgeSite(site));
        JsonPath report = verifyChain(site, null, null);
        assertTrue(report.getBoolean("intact"), report.prettify());
        assertEquals(4, report.getLong("anchorSeq"));
        assertEquals(0, report.getLong("checked"));
    }

    @Test
    void shouldContinueTheChainFromTheAnchorAfterEverythingWasPurged() {
        JsonPath site = siteKeeping(30);
        record(site, 2);
        superuser.backdate(siteId(site), PAST_RETENTION);
        purgeSite(site);
        record(site, 2);

        assertEquals(List.of(3L, 4L), seqs(site));
        JsonPath report = verifyChain(site, null, null);
        assertTrue(report.getBoolean("intact"), report.prettify());
        assertEquals(2, report.getLong("anchorSeq"));
        assertEquals(2, report.getLong("checked"));
    }

    @Test
    void shouldStillReportTamperingAfterAPurge() {
        JsonPath site = siteKeeping(30);
        record(site, 2);
        superuser.backdate(siteId(site), PAST_RETENTION);
        purgeSite(site);
        record(site, 3);
        db.asAttacker("DELETE FROM consent_records WHERE site_id = $1 AND seq = 3", siteId(site));

        JsonPath report = verifyChain(site, null, null);
        assertEquals(false, report.getBoolean("intact"), report.prettify());
        assertEquals(3, report.getInt("problems[0].seq"));
    }

    @Test
    void shouldPurgeEverySiteByItsOwnRetention() throws Throwable {
        JsonPath shortLived = siteKeeping(30);
        JsonPath longLived = siteKeeping(3650);
        record(shortLived, 3);
        record(longLived, 3);
        superuser.backdate(siteId(shortLived), Duration.ofDays(100));
        superuser.backdate(siteId(longLived), Duration.ofDays(100));

        VertxContextSupport.subscribeAndAwait(() -> purge.purgeAll());
        VertxContextSupport.subscribeAndAwait(() -> purge.purgeAll());

        assertEquals(List.of(), seqs(shortLived));
        assertEquals(List.of(1L, 2L, 3L), seqs(longLived));
        assertTrue(verifyChain(shortLived, null, null).getBoolean("intact"));
        assertTrue(verifyChain(longLived, null, null).getBoolean("intact"));
    }

    private long purgeSite(JsonPath site) {
        return purge.purgeSite(siteId(site)).await().atMost(TIMEOUT);
    }

    private static JsonPath siteKeeping(int retentionDays) {
        return createSite(Map.of("name", "Retention " + retentionDays, "domains", List.of("www.example.test"),
                "consentRetentionDays", retentionDays));
    }

    private static void record(JsonPath site, int count) {
        for (int i = 0; i < count; i++) {
            recordConsent(site, ORIGIN, "reject_all", false, false);
        }
    }

    private List<Long> seqs(JsonPath site) {
        return db.queryLongs("SELECT seq FROM consent_records WHERE site_id = $1 ORDER BY seq", siteId(site));
    }

    private static UUID siteId(JsonPath site) {
        return UUID.fromString(site.getString("id"));
    }
}
