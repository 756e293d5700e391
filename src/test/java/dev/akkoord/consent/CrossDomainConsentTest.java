package dev.akkoord.consent;

import static dev.akkoord.testsupport.Api.consent;
import static dev.akkoord.testsupport.Api.createSite;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** One consent across a site's domains: what the banner reads of another domain's decision, and what it records. */
@QuarkusTest
@ExternalServersToo
class CrossDomainConsentTest {

    private static final String SHOP = "https://shop.example.test";
    private static final String CHECKOUT = "https://pay.checkout-example.test";

    private static ValidatableResponse post(Map<String, Object> body, String origin) {
        return given().contentType(ContentType.JSON).header("Origin", origin).body(body)
                .post("/api/v1/consents").then();
    }

    private static Map<String, Object> decision(JsonPath site, String action, boolean analytical, boolean marketing,
            String origin, String consentId) {
        Map<String, Object> body = new HashMap<>(consent(site, action, analytical, marketing));
        body.put("pageUrl", origin + "/cart?step=2");
        if (consentId != null) {
            body.put("consentId", consentId);
        }
        return body;
    }

    private static ValidatableResponse latest(String consentId, Object site) {
        return given().header("Origin", CHECKOUT).queryParam("site", site)
                .get("/api/v1/consents/" + consentId + "/latest").then();
    }

    private static JsonPath twoDomainSite(String name) {
        return createSite(name, "shop.example.test", "pay.checkout-example.test");
    }

    @Test
    void shouldAnswerTheNewestDecisionOfTheSiteWithTheDomainItWasMadeOn() {
        JsonPath site = twoDomainSite("Two domains");
        String consentId = post(decision(site, "accept_all", true, true, SHOP, null), SHOP).statusCode(201)
                .extract().path("consentId");
        latest(consentId, site.getString("id")).statusCode(200)
                .header("Access-Control-Allow-Origin", CHECKOUT)
                .body("consentId", equalTo(consentId))
                .body("action", equalTo("accept_all"))
                .body("categories.analytical", equalTo(true))
                .body("categories.marketing", equalTo(true))
                .body("bannerVersion", equalTo(site.getString("bannerVersion")))
                .body("origin", equalTo(SHOP))
                .body("$", not(hasKey("userAgent")))
                .body("$", not(hasKey("ipTruncated")));

        post(decision(site, "cross_domain", true, true, CHECKOUT, consentId), CHECKOUT).statusCode(201)
                .body("consentId", equalTo(consentId));
        post(decision(site, "withdraw", false, false, CHECKOUT, consentId), CHECKOUT).statusCode(201);
        latest(consentId, site.getString("id")).statusCode(200)
                .body("action", equalTo("withdraw"))
                .body("categories.analytical", equalTo(false))
                .body("categories.marketing", equalTo(false))
                .body("origin", equalTo(CHECKOUT));

        // One record per domain, linked by the consent id; the taken-over one says where it came from by its action.
        given().get("/api/v1/consents/" + consentId).then().statusCode(200)
                .body("records.action", equalTo(List.of("accept_all", "cross_domain", "withdraw")))
                .body("records.pageUrl", equalTo(List.of(SHOP + "/cart", CHECKOUT + "/cart", CHECKOUT + "/cart")));
    }

    @Test
    void shouldTellNothingOfAnotherSitesConsentId() {
        JsonPath site = twoDomainSite("Mine");
        JsonPath other = createSite("Theirs", "www.other.test");
        String theirs = post(decision(other, "accept_all", true, true, "https://www.other.test", null),
                "https://www.other.test").statusCode(201).extract().path("consentId");
        String body = latest(theirs, site.getString("id")).statusCode(404)
                .contentType("application/problem+json").extract().asString();
        assertFalse(body.contains("www.other.test"), body);
        assertFalse(body.contains(other.getString("id")), body);
        latest("0123456789abcdef0123456789abcdef", site.getString("id")).statusCode(404)
                .contentType("application/problem+json");
        latest(theirs, "00000000-0000-0000-0000-000000000000").statusCode(404);
    }

    @Test
    void shouldRefuseMalformedQuestionsWithProblems() {
        JsonPath site = twoDomainSite("Malformed");
        latest("NOT-AN-ID", site.getString("id")).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("32 lowercase hex"));
        latest("0123456789abcdef0123456789abcdef", "not-a-site").statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("'site'"));
        given().get("/api/v1/consents/0123456789abcdef0123456789abcdef/latest").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRefuseACrossDomainRecordWithoutTheConsentIdItTakesOver() {
        JsonPath site = twoDomainSite("Unlinked");
        post(decision(site, "cross_domain", true, false, CHECKOUT, null), CHECKOUT).statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("consentId"));
    }

    @Test
    void shouldListTheHostsALinkCanCarryADecisionTo() {
        JsonPath site = createSite("Linked", "shop.example.test", "*.checkout-example.test",
                "pay.checkout-example.test:8443");
        given().get("/api/v1/sites/" + site.getString("id") + "/banner").then().statusCode(200)
                .body("domains", equalTo(List.of("shop.example.test", "pay.checkout-example.test:8443")));
        JsonPath single = createSite("Single", "www.example.test");
        given().get("/api/v1/sites/" + single.getString("id") + "/banner").then().statusCode(200)
                .body("$", not(hasKey("domains")));
    }

    @Test
    void shouldServeTheCrossDomainPartOfTheBanner() {
        String script = given().get("/akkoord-domains.js").then().statusCode(200)
                .contentType(containsString("text/javascript"))
                .header("Access-Control-Allow-Origin", "*")
                .extract().asString();
        assertTrue(script.contains("akkoordDomains"), "the part the banner calls");
        String etag = given().get("/akkoord-domains.js").then().extract().header("ETag");
        given().header("If-None-Match", etag).get("/akkoord-domains.js").then().statusCode(304);
    }
}
