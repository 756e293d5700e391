package dev.akkoord.site;

import static dev.akkoord.testsupport.Api.asOperator;
import static dev.akkoord.testsupport.Api.consent;
import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.recordConsent;
import static dev.akkoord.testsupport.Api.withKey;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.akkoord.testsupport.ExternalServersToo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Deleting a site stops everything it did at once, on this instance and through the shared caches, while its consent
 * records stay as evidence; only an operator may delete, and the domain is free for another site.
 */
@QuarkusTest
@ExternalServersToo
class SiteDeletionTest {

    @Inject
    Pool pool;

    @Test
    void shouldStopTheSiteAndKeepItsConsentRecords() {
        String domain = "deleted-" + UUID.randomUUID().toString().substring(0, 8) + ".example.test";
        JsonPath site = createSite("Going " + domain, domain);
        String id = site.getString("id");
        String key = site.getString("apiKey");
        String origin = "https://" + domain;
        String consentId = recordConsent(site, origin, "accept_all", true, true).getString("consentId");
        given().get("/api/v1/sites/" + id + "/banner").then().statusCode(200);

        withKey(key).delete("/api/v1/sites/" + id).then().statusCode(403); // a site's own key may not
        asOperator().delete("/api/v1/sites/" + id).then().statusCode(204);

        asOperator().get("/api/v1/sites/" + id).then().statusCode(404);
        assertFalse(asOperator().get("/api/v1/sites").then().extract().jsonPath().getList("id").contains(id));
        withKey(key).get("/api/v1/sites/" + id).then().statusCode(401);
        given().get("/api/v1/sites/" + id + "/banner").then().statusCode(404);
        given().contentType(ContentType.JSON).header("Origin", origin).body(consent(site, "reject_all", false, false))
                .post("/api/v1/consents").then().statusCode(404);
        asOperator().delete("/api/v1/sites/" + id).then().statusCode(404);

        assertEquals(1L, pool.preparedQuery("SELECT count(*) FROM consent_records WHERE site_id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().atMost(Duration.ofSeconds(10)).iterator().next()
                .getLong(0), "the record stays as evidence");
        given().get("/api/v1/consents/" + consentId).then().statusCode(200); // the visitor still reads their history

        // The domain is free: a new site takes it without sharing it with the deleted one.
        JsonPath again = createSite("Again " + domain, domain);
        recordConsent(again, origin, "reject_all", false, false);
    }
}
