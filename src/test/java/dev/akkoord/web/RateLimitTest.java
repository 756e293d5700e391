package dev.akkoord.web;

import static dev.akkoord.testsupport.Api.consent;
import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.recordConsent;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.akkoord.testsupport.ExternalServersToo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** With Redis up, the limit per address and site holds, and the refusal says when to come back. */
@QuarkusTest
@ExternalServersToo
@TestProfile(TightRateLimitProfile.class)
class RateLimitTest {

    private static final String ORIGIN = "https://www.example.test";

    @Test
    void shouldAnswer429WithRetryAfterOnceTheLimitIsUsedUp() throws InterruptedException {
        JsonPath site = createSite("Limited", "www.example.test");
        JsonPath neighbour = createSite("Neighbour", "www.example.test");
        awaitRoomInTheCurrentMinute();
        double rejectedBefore = Metrics.sum("akkoord_consents_rejected_total", "reason=\"rate\"");

        for (int i = 0; i < TightRateLimitProfile.LIMIT; i++) {
            recordConsent(site, ORIGIN, "reject_all", false, false);
        }
        String retryAfter = post(site).statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("detail", containsString("More than 3 requests"))
                .extract().header("Retry-After");
        assertEquals(1.0, Metrics.sum("akkoord_consents_rejected_total", "reason=\"rate\"") - rejectedBefore);

        int seconds = Integer.parseInt(retryAfter);
        org.hamcrest.MatcherAssert.assertThat(seconds, allOf(greaterThanOrEqualTo(1), lessThanOrEqualTo(60)));
        post(neighbour).statusCode(201);
        post(site).statusCode(429).body("retryAfter", greaterThanOrEqualTo(1));
        given().get("/api/v1/sites/" + site.getString("id") + "/banner").then().statusCode(200);
    }

    /** The window is a calendar minute; four posts must fall into the same one. */
    private static void awaitRoomInTheCurrentMinute() throws InterruptedException {
        long intoMinute = System.currentTimeMillis() % 60_000;
        if (intoMinute > 50_000) {
            Thread.sleep(60_000 - intoMinute + 100);
        }
    }

    private static ValidatableResponse post(JsonPath site) {
        return given().contentType(ContentType.JSON).header("Origin", ORIGIN)
                .body(consent(site, "reject_all", false, false)).post("/api/v1/consents").then();
    }
}
