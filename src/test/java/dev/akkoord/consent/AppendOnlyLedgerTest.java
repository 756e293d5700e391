package dev.akkoord.consent;

import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.recordConsent;
import static dev.akkoord.testsupport.Api.verifyChain;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.akkoord.testsupport.ExternalServersToo;
import dev.akkoord.testsupport.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.pgclient.PgException;

/** The database itself, not only the API, refuses to change or remove consent records. */
@QuarkusTest
@ExternalServersToo
class AppendOnlyLedgerTest {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Inject
    TestDatabase db;

    private JsonPath site;
    private UUID siteId;

    @BeforeEach
    void recordThree() {
        site = createSite("Append only", "www.example.test");
        siteId = UUID.fromString(site.getString("id"));
        for (int i = 0; i < 3; i++) {
            recordConsent(site, "https://www.example.test", "reject_all", false, false);
        }
    }

    @Test
    void shouldRefuseUpdate() {
        assertRefused(db.refusal("UPDATE consent_records SET marketing = true WHERE site_id = $1", siteId), "UPDATE");
        assertEquals(0, db.queryLong("SELECT count(*) FROM consent_records WHERE site_id = $1 AND marketing",
                siteId));
        assertUntouched();
    }

    @Test
    void shouldRefuseDelete() {
        assertRefused(db.refusal("DELETE FROM consent_records WHERE site_id = $1 AND seq = 2", siteId), "DELETE");
        assertUntouched();
    }

    @Test
    void shouldRefuseTruncate() {
        assertRefused(db.refusal("TRUNCATE consent_records"), "TRUNCATE");
        assertUntouched();
    }

    @Test
    void shouldRefuseTruncateCascadingFromSites() {
        assertRefused(db.refusal("TRUNCATE sites CASCADE"), "TRUNCATE");
        assertUntouched();
    }

    @Test
    void shouldRefuseDeletingTheSiteUnderItsRecords() {
        PgException refusal = db.refusal("DELETE FROM sites WHERE id = $1", siteId);
        assertEquals("23503", refusal.getSqlState(), refusal.getMessage());
        assertUntouched();
    }

    private static void assertRefused(PgException refusal, String operation) {
        assertEquals(INSUFFICIENT_PRIVILEGE, refusal.getSqlState(), refusal.getMessage());
        assertThat(refusal.getMessage(), containsString("append-only (" + operation + " refused)"));
    }

    private void assertUntouched() {
        assertEquals(3, db.queryLong("SELECT count(*) FROM consent_records WHERE site_id = $1", siteId));
        JsonPath report = verifyChain(site, null, null);
        assertTrue(report.getBoolean("intact"), report.prettify());
        assertEquals(3, report.getLong("checked"));
    }
}
