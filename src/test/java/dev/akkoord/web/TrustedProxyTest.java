package dev.akkoord.web;

import static dev.akkoord.testsupport.Api.consent;
import static dev.akkoord.testsupport.Api.createSite;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Behind a TLS-terminating proxy named in the trusted list, the visitor's address and scheme come from its forwarded
 * headers ({@link UntrustedProxyTest}: from anyone else they are ignored, so a client cannot pass for someone else).
 */
@QuarkusTest
@TestProfile(BehindTrustedProxyProfile.class)
class TrustedProxyTest {

    static final String ORIGIN = "https://www.example.test";

    @Test
    void theVisitorsAddressAndHttpsComeFromTheProxy() {
        assertEquals("203.0.113.0", storedAddress());
        assertTrue(preLoginCookie().contains("Secure"), preLoginCookie());
    }

    /** The truncated address stored for a consent sent with X-Forwarded-For: 203.0.113.7. */
    static String storedAddress() {
        JsonPath site = createSite("Proxy", "www.example.test");
        String consentId = given().contentType(ContentType.JSON).header("Origin", ORIGIN)
                .header("X-Forwarded-For", "203.0.113.7").header("X-Forwarded-Proto", "https")
                .body(consent(site, "accept_all", true, true))
                .post("/api/v1/consents").then().statusCode(201).extract().path("consentId");
        return given().get("/api/v1/consents/" + consentId).then().statusCode(200).extract()
                .path("records[0].ipTruncated");
    }

    static String preLoginCookie() {
        return given().header("X-Forwarded-For", "203.0.113.7").header("X-Forwarded-Proto", "https")
                .get("/dashboard/login").getHeaders().getValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("akkoord_login="))
                .findFirst().orElseThrow();
    }
}
