package dev.akkoord.consent;

import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.recordConsent;
import static dev.akkoord.testsupport.Api.verifyChain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.akkoord.testsupport.ExternalServersToo;
import dev.akkoord.testsupport.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Instances sharing a database append to the same chains. Each chains its batches onto the head as it last saw
 * it; here another instance (played by SQL) appends in between, and this one must notice and chain on from there.
 */
@QuarkusTest
@ExternalServersToo
class SharedChainTest {

    private static final String ORIGIN = "https://www.example.test";

    @Inject
    TestDatabase db;

    @Test
    void shouldChainOnFromWhereAnotherInstanceLeftTheHead() {
        JsonPath site = createSite("Shared", "www.example.test");
        UUID siteId = UUID.fromString(site.getString("id"));
        recordConsent(site, ORIGIN, "reject_all", false, false);
        recordConsent(site, ORIGIN, "reject_all", false, false);

        appendAsAnotherInstance(siteId, site.getString("bannerVersion"));
        JsonPath receipt = recordConsent(site, ORIGIN, "accept_all", true, true);

        assertEquals(List.of(1L, 2L, 3L, 4L),
                db.queryLongs("SELECT seq FROM consent_records WHERE site_id = $1 ORDER BY seq", siteId));
        assertEquals(receipt.getLong("recordId"),
                db.queryLong("SELECT id FROM consent_records WHERE site_id = $1 AND seq = 4", siteId));
        JsonPath report = verifyChain(site, null, null);
        assertTrue(report.getBoolean("intact"), report.prettify());
        assertEquals(4, report.getLong("checked"));
    }

    /** Inserts record 3, chained onto record 2, and moves the head to it, as the ledger of another instance would. */
    private void appendAsAnotherInstance(UUID siteId, String bannerVersion) {
        String previous = db.query("SELECT hash FROM consent_records WHERE site_id = $1 AND seq = 2", siteId)
                .iterator().next().getString("hash");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String consentId = "0123456789abcdef0123456789abcdef";
        String hash = ChainHash.of(previous, siteId, 3, consentId, now, "reject_all", false, false, bannerVersion,
                "nl", null, false, "10.1.2.0", "Other/1.0");
        db.query("INSERT INTO consent_records (site_id, seq, consent_id, recorded_at, action, analytical, marketing, "
                + "banner_version, language, page_url, gpc, ip_truncated, user_agent, prev_hash, hash) VALUES "
                + "($1, 3, $2, $3, 'reject_all', false, false, $4, 'nl', NULL, false, '10.1.2.0', 'Other/1.0', $5, $6)",
                siteId, consentId, now.atOffset(ZoneOffset.UTC), bannerVersion, previous, hash);
        db.query("UPDATE consent_chain_heads SET seq = 3, hash = $2 WHERE site_id = $1", siteId, hash);
    }
}
