package dev.akkoord.consent;

import static dev.akkoord.testsupport.Api.consent;
import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.recordConsent;
import static dev.akkoord.testsupport.Api.verifyChain;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.akkoord.testsupport.ExternalServersToo;
import dev.akkoord.testsupport.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** When the database refuses a batch, the visitor is told to retry and the chain shows no trace of it. */
@QuarkusTest
@ExternalServersToo
class LedgerOutageTest {

    private static final String ORIGIN = "https://www.example.test";

    @Inject
    TestDatabase db;

    @Test
    void shouldAnswer503AndLeaveTheChainAsItWas() {
        JsonPath site = createSite("Outage", "www.example.test");
        UUID siteId = UUID.fromString(site.getString("id"));
        recordConsent(site, ORIGIN, "reject_all", false, false);
        // A constraint only this one request breaks stands in for a database that cannot take the batch.
        db.query("ALTER TABLE consent_records ADD CONSTRAINT outage_test CHECK (user_agent <> 'Refused/1.0') "
                + "NOT VALID");
        try {
            given().contentType(ContentType.JSON).header("Origin", ORIGIN).header("User-Agent", "Refused/1.0")
                    .body(consent(site, "reject_all", false, false)).post("/api/v1/consents").then()
                    .statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "1")
                    .body("status", equalTo(503));
        } finally {
            db.query("ALTER TABLE consent_records DROP CONSTRAINT outage_test");
        }

        assertEquals(1, db.queryLong("SELECT seq FROM consent_chain_heads WHERE site_id = $1", siteId));
        recordConsent(site, ORIGIN, "reject_all", false, false);
        assertEquals(List.of(1L, 2L),
                db.queryLongs("SELECT seq FROM consent_records WHERE site_id = $1 ORDER BY seq", siteId));
        JsonPath report = verifyChain(site, null, null);
        assertTrue(report.getBoolean("intact"), report.prettify());
    }
}
