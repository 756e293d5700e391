package dev.akkoord.scan;

import static dev.akkoord.testsupport.Api.asOperator;
import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.withKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.akkoord.testsupport.ExternalServersToo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A site owner declares cookies (exact names and patterns) and tracker hosts without any scan, and the public
 * banner config lists them: what the banner deletes on withdrawal and which script hosts it holds back.
 */
@QuarkusTest
@ExternalServersToo
class TrackerHostResourceTest {

    @Test
    void shouldListDeclaredCookiesAndPatternsInTheBannerWithoutAScan() {
        JsonPath site = createSite("Declared cookies", "declared-cookies.test");
        String siteId = site.getString("id");
        String key = site.getString("apiKey");
        withKey(key).body(Map.of("category", "analytical")).put("/api/v1/sites/" + siteId + "/cookies/_ga_*").then()
                .statusCode(200).body("name", equalTo("_ga_*"));
        withKey(key).body(Map.of("category", "marketing")).put("/api/v1/sites/" + siteId + "/cookies/_fbp").then()
                .statusCode(200);

        JsonPath banner = banner(siteId);
        assertNotEquals(site.getString("bannerVersion"), banner.getString("version"));
        assertEquals(List.of("_ga_*"), banner.getList("categories.find { it.key == 'analytical' }.cookies.name"));
        assertEquals(List.of("_fbp"), banner.getList("categories.find { it.key == 'marketing' }.cookies.name"));
        assertNull(banner.getString("categories.find { it.key == 'analytical' }.cookies[0].purpose"),
                "nothing is known of what it does; why it is listed is no purpose for visitors");
    }

    @Test
    void shouldHoldDeclaredHostsInTheirCategoryAndUndoIt() {
        JsonPath site = createSite("Declared hosts", "declared-hosts.test");
        String siteId = site.getString("id");
        String key = site.getString("apiKey");
        String versionBefore = banner(siteId).getString("version");

        withKey(key).body(Map.of("category", "marketing")).put("/api/v1/sites/" + siteId + "/tracker-hosts/*.DoubleClick.net.")
                .then().statusCode(200).body("host", equalTo("*.doubleclick.net")).body("category", equalTo("marketing"));
        withKey(key).body(Map.of("category", "analytical")).put("/api/v1/sites/" + siteId + "/tracker-hosts/stats.example.test")
                .then().statusCode(200);
        JsonPath banner = banner(siteId);
        assertNotEquals(versionBefore, banner.getString("version"), "declared hosts make a new banner version");
        assertEquals(List.of("*.doubleclick.net"), banner.getList("trackerHosts.marketing"));
        assertEquals(List.of("stats.example.test"), banner.getList("trackerHosts.analytical"));
        withKey(key).get("/api/v1/sites/" + siteId + "/tracker-hosts").then().statusCode(200)
                .body("hosts.'*.doubleclick.net'", equalTo("marketing"))
                .body("hosts.'stats.example.test'", equalTo("analytical"));

        // Moving a host to another category takes it out of the first; functional means it is no tracker.
        withKey(key).body(Map.of("category", "marketing")).put("/api/v1/sites/" + siteId + "/tracker-hosts/stats.example.test")
                .then().statusCode(200);
        assertEquals(List.of("*.doubleclick.net", "stats.example.test"), banner(siteId).getList("trackerHosts.marketing"));
        assertEquals(List.of(), banner(siteId).getList("trackerHosts.analytical"));
        withKey(key).body(Map.of("category", "functional")).put("/api/v1/sites/" + siteId + "/tracker-hosts/stats.example.test")
                .then().statusCode(200);
        assertEquals(List.of("*.doubleclick.net"), banner(siteId).getList("trackerHosts.marketing"));

        withKey(key).delete("/api/v1/sites/" + siteId + "/tracker-hosts/stats.example.test").then().statusCode(204);
        withKey(key).delete("/api/v1/sites/" + siteId + "/tracker-hosts/*.doubleclick.net").then().statusCode(204);
        assertEquals(versionBefore, banner(siteId).getString("version"), "the same lists give the same version back");
        withKey(key).delete("/api/v1/sites/" + siteId + "/tracker-hosts/*.doubleclick.net").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRejectBadHostsCategoriesAndStrangers() {
        JsonPath site = createSite("Strict hosts", "strict-hosts.test");
        String siteId = site.getString("id");
        String key = site.getString("apiKey");
        for (String bad : List.of("localhost", "a..b.test", "-x.test", "*.*.test", "x.test:8080", "ex ample.test")) {
            withKey(key).body(Map.of("category", "marketing")).put("/api/v1/sites/" + siteId + "/tracker-hosts/" + bad)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("not a host name"));
        }
        withKey(key).body(Map.of("category", "tasty")).put("/api/v1/sites/" + siteId + "/tracker-hosts/x.test").then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("marketing"));
        withKey(key).body("{}").put("/api/v1/sites/" + siteId + "/tracker-hosts/x.test").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("category", "marketing"))
                .put("/api/v1/sites/" + siteId + "/tracker-hosts/x.test").then().statusCode(401);
        JsonPath other = createSite("Other hosts", "other-hosts.test");
        withKey(other.getString("apiKey")).body(Map.of("category", "marketing"))
                .put("/api/v1/sites/" + siteId + "/tracker-hosts/x.test").then().statusCode(403);
        asOperator().body(Map.of("category", "marketing"))
                .put("/api/v1/sites/" + java.util.UUID.randomUUID() + "/tracker-hosts/x.test").then().statusCode(404);
        assertEquals(List.of(), banner(siteId).getList("trackerHosts.marketing"), "nothing was stored");
    }

    private static JsonPath banner(String siteId) {
        return given().get("/api/v1/sites/" + siteId + "/banner?lang=en").then().statusCode(200).extract().jsonPath();
    }
}
