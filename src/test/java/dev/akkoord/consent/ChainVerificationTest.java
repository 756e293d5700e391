package dev.akkoord.consent;

import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.recordConsent;
import static dev.akkoord.testsupport.Api.verifyChain;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.akkoord.testsupport.ExternalServersToo;
import dev.akkoord.testsupport.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Row;

/** Someone with database rights edits or deletes consent records behind the API's back; verification must see it. */
@QuarkusTest
@ExternalServersToo
class ChainVerificationTest {

    private static final String ORIGIN = "https://www.example.test";

    @Inject
    TestDatabase db;

    @Test
    void shouldReportAnUntouchedChainAsIntact() {
        JsonPath site = siteWithRecords(5);
        JsonPath report = verifyChain(site, null, null);
        assertTrue(report.getBoolean("intact"), report.prettify());
        assertEquals(1, report.getLong("firstSeq"));
        assertEquals(5, report.getLong("lastSeq"));
        assertEquals(5, report.getLong("checked"));
        assertThat(report.getList("problems"), empty());
    }

    @Test
    void shouldReportAnEmptyChainAsIntact() {
        JsonPath site = createSite("Empty chain", "www.example.test");
        JsonPath report = verifyChain(site, null, null);
        assertTrue(report.getBoolean("intact"), report.prettify());
        assertEquals(0, report.getLong("checked"));
    }

    /** Every column that carries evidence is covered by the hash. */
    @ParameterizedTest
    @ValueSource(strings = {
        "action = 'accept_all'",
        "analytical = true",
        "marketing = true",
        "recorded_at = recorded_at - interval '1 day'",
        "recorded_at = recorded_at + interval '1 microsecond'",
        "consent_id = '00000000000000000000000000000000'",
        "banner_version = 'ffffffff'",
        "language = 'en'",
        "language = NULL",
        "page_url = 'https://www.example.test/elsewhere'",
        "gpc = true",
        "ip_truncated = '10.0.0.0'",
        "user_agent = 'Forged/1.0'",
        "prev_hash = hash",
        "hash = prev_hash"})
    void shouldReportARecordEditedWithSql(String edit) {
        JsonPath site = siteWithRecords(5);
        assertEquals(1, db.asAttacker("UPDATE consent_records SET " + edit + " WHERE site_id = $1 AND seq = 3",
                siteId(site)));

        JsonPath report = verifyChain(site, null, null);
        assertFalse(report.getBoolean("intact"), report.prettify());
        List<Integer> seqs = report.getList("problems.seq", Integer.class);
        assertThat(report.prettify(), seqs, hasItem(3));
        // Only the edited record, and for an edited hash also the link from its successor, may be blamed.
        assertThat(report.prettify(), seqs, everyItem(anyOf(equalTo(3), equalTo(4))));
        assertEquals(5, report.getLong("checked"));
    }

    @Test
    void shouldSayWhichRecordWasAltered() {
        JsonPath site = siteWithRecords(3);
        db.asAttacker("UPDATE consent_records SET marketing = true WHERE site_id = $1 AND seq = 2", siteId(site));
        JsonPath report = verifyChain(site, null, null);
        assertThat(report.getList("problems.problem", String.class),
                contains(containsString("record 2 (id " + recordId(site, 2) + ") was altered")));
    }

    /** An attacker who also recomputes the edited record's hash still cannot make the next record point at it. */
    @Test
    void shouldReportARewrittenRecordCarryingAFreshHash() {
        JsonPath site = siteWithRecords(5);
        UUID siteId = siteId(site);
        ConsentRecord original = ConsentRows.record(db.query("SELECT " + ConsentRows.COLUMNS
                + " FROM consent_records WHERE site_id = $1 AND seq = 3", siteId).iterator().next());
        String forgedHash = ChainHash.of(original.prevHash(), siteId, 3, original.consentId(), original.recordedAt(),
                "accept_all", true, true, original.bannerVersion(), original.language(), original.pageUrl(),
                original.gpc(), original.ipTruncated(), original.userAgent());
        db.asAttacker("UPDATE consent_records SET action = 'accept_all', analytical = true, marketing = true, "
                + "hash = $2 WHERE site_id = $1 AND seq = 3", siteId, forgedHash);

        JsonPath report = verifyChain(site, null, null);
        assertFalse(report.getBoolean("intact"), report.prettify());
        assertEquals(List.of(4), report.getList("problems.seq", Integer.class), report.prettify());
        assertThat(report.getString("problems[0].problem"), containsString("does not link"));
    }

    @Test
    void shouldReportADeletedMiddleRecord() {
        JsonPath site = siteWithRecords(5);
        assertEquals(1, db.asAttacker("DELETE FROM consent_records WHERE site_id = $1 AND seq = 3", siteId(site)));

        JsonPath report = verifyChain(site, null, null);
        assertFalse(report.getBoolean("intact"), report.prettify());
        assertThat(report.prettify(), report.getList("problems.seq", Integer.class), hasItem(3));
        assertThat(report.getList("problems.problem", String.class), hasItem(containsString("3..3 are missing")));
    }

    @Test
    void shouldReportADeletedFirstRecord() {
        JsonPath site = siteWithRecords(4);
        db.asAttacker("DELETE FROM consent_records WHERE site_id = $1 AND seq = 1", siteId(site));

        JsonPath report = verifyChain(site, null, null);
        assertFalse(report.getBoolean("intact"), report.prettify());
        assertThat(report.prettify(), report.getList("problems.seq", Integer.class), hasItem(1));
    }

    @Test
    void shouldReportADeletedLastRecord() {
        JsonPath site = siteWithRecords(5);
        db.asAttacker("DELETE FROM consent_records WHERE site_id = $1 AND seq = 5", siteId(site));

        JsonPath report = verifyChain(site, null, null);
        assertFalse(report.getBoolean("intact"), report.prettify());
        assertEquals(List.of(5), report.getList("problems.seq", Integer.class), report.prettify());
    }

    @Test
    void shouldReportAChainWhoseRecordsWereAllDeleted() {
        JsonPath site = siteWithRecords(3);
        assertEquals(3, db.asAttacker("DELETE FROM consent_records WHERE site_id = $1", siteId(site)));

        JsonPath report = verifyChain(site, null, null);
        assertFalse(report.getBoolean("intact"), report.prettify());
        assertThat(report.getList("problems.problem", String.class), hasItem(containsString("1..3 are missing")));
    }

    @Test
    void shouldLeaveOtherSitesChainsIntact() {
        JsonPath tampered = createSite("Tampered", "www.example.test");
        JsonPath neighbour = createSite("Neighbour", "www.example.test");
        for (int i = 0; i < 4; i++) {
            recordConsent(tampered, ORIGIN, "reject_all", false, false);
            recordConsent(neighbour, ORIGIN, "reject_all", false, false);
        }
        db.asAttacker("UPDATE consent_records SET marketing = true WHERE site_id = $1 AND seq = 2", siteId(tampered));
        db.asAttacker("DELETE FROM consent_records WHERE site_id = $1 AND seq = 3", siteId(tampered));

        assertFalse(verifyChain(tampered, null, null).getBoolean("intact"));
        JsonPath report = verifyChain(neighbour, null, null);
        assertTrue(report.getBoolean("intact"), report.prettify());
        assertEquals(4, report.getLong("checked"));
    }

    @Test
    void shouldVerifyOnlyTheRequestedRange() {
        JsonPath site = createSite("Range", "www.example.test");
        List<String> times = recordTimes(site, 10);
        String from = times.get(4);
        String to = times.get(8);

        JsonPath range = verifyChain(site, from, to);
        assertTrue(range.getBoolean("intact"), range.prettify());
        assertEquals(4, range.getLong("firstSeq"));
        assertEquals(7, range.getLong("lastSeq"));
        assertEquals(4, range.getLong("checked"));

        db.asAttacker("UPDATE consent_records SET analytical = true WHERE site_id = $1 AND seq = 2", siteId(site));
        assertTrue(verifyChain(site, from, to).getBoolean("intact"), "an edit before the range is not its concern");
        assertEquals(List.of(2), verifyChain(site, null, null).getList("problems.seq", Integer.class));

        db.asAttacker("UPDATE consent_records SET analytical = true WHERE site_id = $1 AND seq = 6", siteId(site));
        JsonPath edited = verifyChain(site, from, to);
        assertFalse(edited.getBoolean("intact"));
        assertEquals(List.of(6), edited.getList("problems.seq", Integer.class), edited.prettify());
    }

    @Test
    void shouldCheckTheLinksAtBothEndsOfARange() {
        JsonPath site = createSite("Range ends", "www.example.test");
        List<String> times = recordTimes(site, 10);

        db.asAttacker("DELETE FROM consent_records WHERE site_id = $1 AND seq = 10", siteId(site));
        JsonPath openEnded = verifyChain(site, times.get(9), null);
        assertEquals(List.of(10), openEnded.getList("problems.seq", Integer.class), openEnded.prettify());
        assertTrue(verifyChain(site, null, times.get(7)).getBoolean("intact"),
                "a closed range that ends before the deletion does not reach it");

        db.asAttacker("DELETE FROM consent_records WHERE site_id = $1 AND seq = 8", siteId(site));
        JsonPath next = verifyChain(site, times.get(4), times.get(8));
        assertEquals(List.of(8), next.getList("problems.seq", Integer.class), next.prettify());
        assertTrue(verifyChain(site, times.get(2), times.get(6)).getBoolean("intact"));

        db.asAttacker("DELETE FROM consent_records WHERE site_id = $1 AND seq = 3", siteId(site));
        JsonPath previous = verifyChain(site, times.get(4), times.get(6));
        assertEquals(List.of(3), previous.getList("problems.seq", Integer.class), previous.prettify());
    }

    @Test
    void shouldReportAnEmptyOpenRangeWhoseTailWasDeleted() {
        JsonPath site = createSite("Empty range", "www.example.test");
        List<String> times = recordTimes(site, 4);
        db.asAttacker("DELETE FROM consent_records WHERE site_id = $1 AND seq >= 3", siteId(site));

        JsonPath report = verifyChain(site, times.get(3), null);
        assertFalse(report.getBoolean("intact"), report.prettify());
        assertEquals(List.of(3), report.getList("problems.seq", Integer.class));
    }

    @Test
    void shouldReportAClosedRangeWhoseRecordsWereAllDeleted() {
        JsonPath site = createSite("Emptied range", "www.example.test");
        List<String> times = recordTimes(site, 8);
        db.asAttacker("DELETE FROM consent_records WHERE site_id = $1 AND seq BETWEEN 3 AND 5", siteId(site));

        JsonPath report = verifyChain(site, times.get(3), times.get(6));
        assertFalse(report.getBoolean("intact"), report.prettify());
        assertEquals(0, report.getLong("checked"));
        assertThat(report.getList("problems.problem", String.class), contains(containsString("3..5 are missing")));
        assertTrue(verifyChain(site, times.get(7), times.get(8)).getBoolean("intact"));
    }

    private JsonPath siteWithRecords(int count) {
        JsonPath site = createSite("Chain", "www.example.test");
        for (int i = 0; i < count; i++) {
            recordConsent(site, ORIGIN, "reject_all", false, false);
        }
        return site;
    }

    /** Records {@code count} decisions one after the other; element i is the time of seq i (element 0 unused). */
    private static List<String> recordTimes(JsonPath site, int count) {
        List<String> times = new ArrayList<>();
        times.add(null);
        for (int i = 0; i < count; i++) {
            times.add(recordConsent(site, ORIGIN, "reject_all", false, false).getString("recordedAt"));
        }
        return times;
    }

    private long recordId(JsonPath site, long seq) {
        Row row = db.query("SELECT id FROM consent_records WHERE site_id = $1 AND seq = $2", siteId(site), seq)
                .iterator().next();
        return row.getLong("id");
    }

    private static UUID siteId(JsonPath site) {
        return UUID.fromString(site.getString("id"));
    }
}
