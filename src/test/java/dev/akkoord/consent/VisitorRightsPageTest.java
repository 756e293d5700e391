package dev.akkoord.consent;

import static dev.akkoord.testsupport.Api.consent;
import static dev.akkoord.testsupport.Api.createSite;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class VisitorRightsPageTest {

    private static String record(JsonPath site, String action, boolean analytical, boolean marketing) {
        return given().contentType(ContentType.JSON).header("Origin", "https://www.example.test")
                .body(consent(site, action, analytical, marketing)).post("/api/v1/consents").then().statusCode(201)
                .extract().path("consentId");
    }

    @Test
    void shouldShowVisitorsTheirHistoryWithDownloadAndWithdrawalLink() {
        JsonPath site = createSite("Rights " + UUID.randomUUID(), "www.example.test");
        String consentId = record(site, "custom", true, false);
        String html = given().get("/privacy/consent?id=" + consentId).then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'")).extract().asString();
        assertTrue(html.contains("Chose per category"), html);
        assertTrue(html.contains("<code>" + site.getString("bannerVersion") + "</code>"), html);
        assertTrue(html.contains("href=\"/api/v1/consents/" + consentId + "\" download=\"consent-" + consentId + ".json\""));
        assertTrue(html.contains("href=\"https://www.example.test/\""), html);
        given().get("/privacy/consent").then().statusCode(200).body(containsString("Consent id"));
        given().get("/privacy/consent?id=xyz").then().statusCode(400).body(containsString("32 characters"));
        // A fresh random id: other tests tamper with stored records (e.g. set a consent id to all zeros).
        String neverRecorded = UUID.randomUUID().toString().replace("-", "");
        given().get("/privacy/consent?id=" + neverRecorded).then().statusCode(404);
    }
}
