package dev.akkoord.web;

import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.recordConsent;
import static dev.akkoord.testsupport.Api.withKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.akkoord.testsupport.ExternalServersToo;
import dev.akkoord.testsupport.ManagementPort;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** Redis unreachable: recording consent and serving the banner carry on; health and metrics say what happened. */
@QuarkusTest
@ExternalServersToo
@TestProfile(RedisDownProfile.class)
class RedisDownTest {

    private static final String ORIGIN = "https://www.example.test";

    @Test
    void shouldStillRecordConsentsAndCountTheSkippedRateLimits() {
        JsonPath site = createSite("No Redis", "www.example.test");
        double before = Metrics.sum("akkoord_ratelimit_fail_open_total", "");

        for (int i = 0; i < 3; i++) {
            recordConsent(site, ORIGIN, "accept_all", true, true);
        }

        assertEquals(before + 3, Metrics.sum("akkoord_ratelimit_fail_open_total", ""), 0.0);
        given().get("/api/v1/sites/" + site.getString("id") + "/banner?lang=en").then().statusCode(200)
                .body("siteId", equalTo(site.getString("id")));
    }

    @Test
    void shouldStillServeTheBannerConfigRepeatedly() {
        JsonPath site = createSite("No Redis banner", "www.example.test");
        String path = "/api/v1/sites/" + site.getString("id") + "/banner?lang=en";
        String etag = given().get(path).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get(path).then().statusCode(304);
    }

    @Test
    void shouldAnswer503ProblemWhereRedisIsNeeded() {
        // A requested scan is queued in a Redis stream: without Redis there is nothing to queue it in.
        JsonPath site = createSite("No Redis scan", "www.example.test");
        for (int i = 0; i < 2; i++) {
            withKey(site.getString("apiKey")).post("/api/v1/sites/" + site.getString("id") + "/scans").then()
                    .statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", String.valueOf(Outages.RETRY_AFTER_SECONDS))
                    .body("status", equalTo(503));
        }
        withKey(site.getString("apiKey")).get("/api/v1/sites/" + site.getString("id") + "/scans").then()
                .statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void shouldReportRedisDownButTheDatabaseUp() {
        ManagementPort.given().get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.findAll { it.name.toLowerCase().contains('redis') }.status", hasItem("DOWN"))
                .body("checks.findAll { it.name.toLowerCase().contains('postgres') "
                        + "|| it.name.toLowerCase().contains('database') }.status", hasItem("UP"));
    }
}
