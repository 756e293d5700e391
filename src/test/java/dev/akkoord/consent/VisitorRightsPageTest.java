package dev.akkoord.consent;

import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.recordConsent;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class VisitorRightsPageTest {

    @Test
    void shouldShowVisitorsTheirHistoryWithDownloadAndWithdrawalLink() {
        JsonPath site = createSite("Rights " + UUID.randomUUID(), "www.example.test");
        String consentId = recordConsent(site, "https://www.example.test", "custom", true, false)
                .getString("consentId");
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
