package dev.akkoord.consent;

import static dev.akkoord.testsupport.Api.consent;
import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.withKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.akkoord.testsupport.ExternalServersToo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@ExternalServersToo
class ConsentResourceTest {

    private static final String ORIGIN = "https://www.example.test";

    static ValidatableResponse post(Object body, String origin) {
        return given().contentType(ContentType.JSON).header("Origin", origin).body(body)
                .post("/api/v1/consents").then();
    }

    @Test
    void shouldRecordConsentAndIssueConsentIdAndReceipt() {
        JsonPath site = createSite("Recorder", "www.example.test");
        JsonPath receipt = post(consent(site, "custom", true, false), ORIGIN).statusCode(201)
                .header("Access-Control-Allow-Origin", ORIGIN)
                .body("consentId", matchesPattern("[0-9a-f]{32}"))
                .body("recordId", notNullValue())
                .body("receipt", matchesPattern("[0-9a-f]{64}"))
                .extract().jsonPath();
        String consentId = receipt.getString("consentId");
        given().get("/api/v1/consents/" + consentId).then().statusCode(200)
                .body("records", hasSize(1))
                .body("records[0].action", equalTo("custom"))
                .body("records[0].categories.analytical", equalTo(true))
                .body("records[0].categories.marketing", equalTo(false))
                .body("records[0].pageUrl", equalTo("https://www.example.test/shop"))
                .body("records[0].ipTruncated", equalTo("127.0.0.0"))
                .body("records[0].receipt", equalTo(receipt.getString("receipt")));
    }

    @Test
    void shouldAppendWithdrawalAsNewRecordUnderTheSameConsentId() {
        JsonPath site = createSite("Withdraw", "www.example.test");
        String consentId = post(consent(site, "accept_all", true, true), ORIGIN).statusCode(201)
                .extract().path("consentId");
        Map<String, Object> withdrawal = new HashMap<>(consent(site, "withdraw", false, false));
        withdrawal.put("consentId", consentId);
        post(withdrawal, ORIGIN).statusCode(201).body("consentId", equalTo(consentId));
        given().get("/api/v1/consents/" + consentId).then().statusCode(200)
                .body("records", hasSize(2))
                .body("records[0].action", equalTo("accept_all"))
                .body("records[1].action", equalTo("withdraw"))
                .body("records[1].categories.marketing", equalTo(false));
    }

    @Test
    void shouldRefuseForeignOriginWithoutCorsHeaders() {
        JsonPath site = createSite("Origins", "*.shop.test");
        post(consent(site, "reject_all", false, false), "https://evil.test").statusCode(403)
                .contentType("application/problem+json").header("Access-Control-Allow-Origin", nullValue());
        post(consent(site, "reject_all", false, false), "https://www.shop.test").statusCode(201);
        post(consent(site, "reject_all", false, false), "https://shop.test").statusCode(201);
        post(consent(site, "reject_all", false, false), "https://shop.test.evil.test").statusCode(403);
        given().contentType(ContentType.JSON).body(consent(site, "reject_all", false, false))
                .post("/api/v1/consents").then().statusCode(403);
    }

    @Test
    void shouldRefuseAnOriginOfAnotherSchemeOrPort() {
        JsonPath site = createSite("Origin ports", "www.example.test", "127.0.0.1:8181");
        for (String origin : List.of("file://www.example.test", "https://www.example.test:8443",
                "http://www.example.test:8080", "ftp://www.example.test", "http://127.0.0.1", "https://127.0.0.1:8443")) {
            post(consent(site, "reject_all", false, false), origin).statusCode(403)
                    .contentType("application/problem+json").header("Access-Control-Allow-Origin", nullValue())
                    .body("status", equalTo(403))
                    .body("detail", containsString("https:// or http://"));
        }
        for (String origin : List.of("https://www.example.test", "http://www.example.test",
                "https://www.example.test:443", "http://127.0.0.1:8181")) {
            post(consent(site, "reject_all", false, false), origin).statusCode(201);
        }
    }

    @Test
    void shouldAnswerPreflightForTheBanner() {
        given().header("Origin", ORIGIN).header("Access-Control-Request-Method", "POST")
                .options("/api/v1/consents").then().statusCode(204)
                .header("Access-Control-Allow-Origin", ORIGIN)
                .header("Access-Control-Allow-Headers", containsString("Content-Type"));
    }

    @Test
    void shouldAcceptTextPlainBodiesFromBeacons() {
        JsonPath site = createSite("Beacon", "www.example.test");
        given().contentType("text/plain").header("Origin", ORIGIN)
                .body("{\"siteId\":\"" + site.getString("id") + "\",\"bannerVersion\":\""
                        + site.getString("bannerVersion") + "\",\"action\":\"reject_all\","
                        + "\"categories\":{\"analytical\":false,\"marketing\":false}}")
                .post("/api/v1/consents").then().statusCode(201);
    }

    @Test
    void shouldRejectBadConsentsWithProblemJsonAndStoreNothing() {
        JsonPath site = createSite("Bad input", "www.example.test");
        Map<String, Object> unknownCategory = new HashMap<>(consent(site, "custom", true, false));
        unknownCategory.put("categories", Map.of("analytical", true, "marketing", false, "social", true));
        post(unknownCategory, ORIGIN).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("social"));
        Map<String, Object> unknownField = new HashMap<>(consent(site, "custom", true, false));
        unknownField.put("email", "a@b.test");
        post(unknownField, ORIGIN).statusCode(400).body("detail", containsString("email"));
        post("{\"siteId\": ", ORIGIN).statusCode(400).contentType("application/problem+json");
        post(consent(site, "shrug", true, false), ORIGIN).statusCode(400).contentType("application/problem+json");
        post(consent(site, "reject_all", true, false), ORIGIN).statusCode(400);
        Map<String, Object> badVersion = new HashMap<>(consent(site, "custom", true, false));
        badVersion.put("bannerVersion", "0123456789abcdef");
        post(badVersion, ORIGIN).statusCode(400).body("detail", containsString("banner version"));
        Map<String, Object> unknownSite = new HashMap<>(consent(site, "custom", true, false));
        unknownSite.put("siteId", "7d1f3b9e-0000-4000-8000-000000000000");
        post(unknownSite, ORIGIN).statusCode(404).contentType("application/problem+json");
        Map<String, Object> huge = new HashMap<>(consent(site, "custom", true, false));
        huge.put("pageUrl", "https://www.example.test/" + "a".repeat(17 * 1024));
        post(huge, ORIGIN).statusCode(413).contentType("application/problem+json");

        withKey(site.getString("apiKey")).get("/api/v1/sites/" + site.getString("id") + "/consents").then()
                .statusCode(200).body("records", hasSize(0));
    }

    @Test
    void shouldLetOnlyTheSitesKeyReadItsLog() {
        JsonPath site = createSite("Log", "www.example.test");
        JsonPath other = createSite("Other log", "other.test");
        post(consent(site, "accept_all", true, true), ORIGIN).statusCode(201);
        String id = site.getString("id");
        given().get("/api/v1/sites/" + id + "/consents").then().statusCode(401);
        withKey(other.getString("apiKey")).get("/api/v1/sites/" + id + "/consents").then().statusCode(403);
        withKey(other.getString("apiKey")).get("/api/v1/sites/" + id + "/consents/verify").then().statusCode(403);
        withKey(site.getString("apiKey")).get("/api/v1/sites/" + id + "/consents").then().statusCode(200)
                .body("records", hasSize(1)).body("records[0].action", equalTo("accept_all"));
    }

    @Test
    void shouldExportTheRangeAsCsv() {
        JsonPath site = createSite("Csv", "www.example.test");
        for (int i = 0; i < 3; i++) {
            post(consent(site, "reject_all", false, false), ORIGIN).statusCode(201);
        }
        String csv = withKey(site.getString("apiKey")).accept("text/csv")
                .get("/api/v1/sites/" + site.getString("id") + "/consents").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(4, lines.length, csv);
        assertTrue(lines[0].startsWith("record_id,site_id,seq,consent_id"), lines[0]);
        assertTrue(lines[3].contains(",reject_all,true,false,false,"), lines[3]);
    }

    @Test
    void shouldNotVerifyTheChainOfAnUnknownSite() {
        given().header("Authorization", "Bearer " + dev.akkoord.testsupport.Api.OPERATOR_TOKEN)
                .get("/api/v1/sites/7d1f3b9e-0000-4000-8000-000000000000/consents/verify").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRejectBadLogQueries() {
        JsonPath site = createSite("Query", "www.example.test");
        withKey(site.getString("apiKey")).get("/api/v1/sites/" + site.getString("id") + "/consents?from=yesterday")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("from"));
    }
}
