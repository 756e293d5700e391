package dev.akkoord.dashboard;

import static dev.akkoord.testsupport.Api.createSite;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * What the API lets an owner say about cookies and script hosts, done on the Cookies page: add a cookie (or a
 * pattern), give it back to the scanner, declare a tracker host and undo it; each reaches the banner's lists, and a
 * refused form says why and adds nothing.
 */
@QuarkusTest
class DashboardCookieFormsTest {

    @Test
    void shouldDeclareAndResetCookiesAndHostsFromTheCookiesPage() {
        String siteId = createSite("Declared " + UUID.randomUUID(), "declared.example.test").getString("id");
        String cookies = "/dashboard/sites/" + siteId + "/cookies";
        DashboardClient owner = DashboardClient.owner(UUID.fromString(siteId));

        String refused = owner.post(cookies + "/declare", Map.of("name", "stats_*", "category", "sneaky"))
                .then().statusCode(400).extract().asString();
        assertTrue(refused.contains("id=\"declare-error\">Not added:"), refused);
        assertFalse(analyticalCookies(siteId).contains("stats_*"), "nothing added");

        owner.post(cookies + "/declare", Map.of("name", "stats_*", "category", "analytical", "purpose",
                "Counts visits on our own server", "vendor", "Our statistics", "retention", "13 months"))
                .then().statusCode(303);
        assertTrue(analyticalCookies(siteId).contains("stats_*"), "the banner lists the declared pattern");
        String page = owner.get(cookies + "?saved=stats_*").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<code>stats_*</code>") && page.contains("Give back to the scanner"), page);

        owner.post(cookies + "/reset", Map.of("name", "stats_*")).then().statusCode(303);
        assertFalse(analyticalCookies(siteId).contains("stats_*"), "given back: no scan found it, so it is gone");

        String badHost = owner.post(cookies + "/hosts", Map.of("host", "not a host!", "category", "analytical"))
                .then().statusCode(400).extract().asString();
        assertTrue(badHost.contains("id=\"host-error\">Not saved:"), badHost);
        owner.post(cookies + "/hosts", Map.of("host", "stats.declared.example", "category", "analytical"))
                .then().statusCode(303);
        assertEquals(List.of("stats.declared.example"), banner(siteId).getList("trackerHosts.analytical"));
        assertTrue(owner.get(cookies).then().extract().asString()
                .contains("<li><code>stats.declared.example</code>: analytical"));
        owner.post(cookies + "/hosts/undo", Map.of("host", "stats.declared.example")).then().statusCode(303);
        assertFalse(String.valueOf(banner(siteId).getList("trackerHosts.analytical")).contains("stats.declared"));
        assertTrue(owner.get(cookies).then().extract().asString().contains("You have declared no host."));
    }

    private static List<String> analyticalCookies(String siteId) {
        return banner(siteId).getList("categories.find { it.key == 'analytical' }.cookies.name");
    }

    private static JsonPath banner(String siteId) {
        return given().header("Cache-Control", "no-cache").get("/api/v1/sites/" + siteId + "/banner").then()
                .statusCode(200).extract().jsonPath();
    }
}
