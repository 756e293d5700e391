package dev.akkoord.site;

import static dev.akkoord.testsupport.Api.asOperator;
import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.withKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.akkoord.testsupport.ExternalServersToo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@ExternalServersToo
class SiteResourceTest {

    @Test
    void shouldCreateSiteWithDefaultsFromNameAndDomainsAlone() {
        JsonPath site = createSite("Shop", "www.example.test");
        withKey(site.getString("apiKey")).get("/api/v1/sites/" + site.getString("id")).then()
                .statusCode(200)
                .body("name", equalTo("Shop"))
                .body("domains", equalTo(List.of("www.example.test")))
                .body("languages", equalTo(List.of("en")))
                .body("categories", equalTo(List.of("functional", "analytical", "marketing")))
                .body("consentLifetimeDays", equalTo(182))
                .body("bannerVersion", notNullValue())
                .body("apiKey", nullValue());
    }

    @Test
    void shouldRefuseSiteCreationWithoutOperatorToken() {
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "domains", List.of("a.test")))
                .post("/api/v1/sites").then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("Bearer"));
        JsonPath other = createSite("Other", "other.test");
        withKey(other.getString("apiKey")).body(Map.of("name", "x", "domains", List.of("a.test")))
                .post("/api/v1/sites").then().statusCode(403);
    }

    @Test
    void shouldKeepOneSitesKeyOutOfAnotherSite() {
        JsonPath mine = createSite("Mine", "mine.test");
        JsonPath theirs = createSite("Theirs", "theirs.test");
        withKey(mine.getString("apiKey")).get("/api/v1/sites/" + theirs.getString("id")).then().statusCode(403)
                .contentType("application/problem+json");
        withKey(mine.getString("apiKey")).body(Map.of("name", "Hijacked"))
                .put("/api/v1/sites/" + theirs.getString("id")).then().statusCode(403);
        asOperator().get("/api/v1/sites/" + theirs.getString("id")).then().body("name", equalTo("Theirs"));
    }

    @Test
    void shouldMakeNewBannerVersionWhenVisibleTextChangesAndKeepTheOld() {
        JsonPath site = createSite("Versions", "versions.test");
        String id = site.getString("id");
        String first = site.getString("bannerVersion");
        String second = withKey(site.getString("apiKey"))
                .body(Map.of("texts", Map.of("en", Map.of("title", "Cookies, briefly"))))
                .put("/api/v1/sites/" + id).then().statusCode(200).extract().path("bannerVersion");
        assertNotEquals(first, second);
        String unchanged = withKey(site.getString("apiKey")).body(Map.of("name", "Renamed only"))
                .put("/api/v1/sites/" + id).then().statusCode(200).extract().path("bannerVersion");
        org.junit.jupiter.api.Assertions.assertEquals(second, unchanged);

        withKey(site.getString("apiKey")).get("/api/v1/sites/" + id + "/banner-versions").then().statusCode(200)
                .body("version", equalTo(List.of(second, first)));
        withKey(site.getString("apiKey")).get("/api/v1/sites/" + id + "/banner-versions/" + first).then()
                .statusCode(200).body("texts.en.title", not(equalTo("Cookies, briefly")));
        withKey(site.getString("apiKey")).get("/api/v1/sites/" + id + "/banner-versions/" + second).then()
                .statusCode(200).body("texts.en.title", equalTo("Cookies, briefly"));
        withKey(site.getString("apiKey")).get("/api/v1/sites/" + id + "/banner-versions/ffffffffffffffff").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldRejectBadSiteInputWithProblemJson() {
        asOperator().body("{\"name\": \"x\", \"domains\": [\"ok.test\"], \"colour\": 1}").post("/api/v1/sites")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("colour"));
        asOperator().body("{\"name\": \"x\", ").post("/api/v1/sites")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("JSON"));
        asOperator().body(Map.of("name", "x", "domains", List.of("not a domain"))).post("/api/v1/sites")
                .then().statusCode(400).body("detail", containsString("not a domain"));
        asOperator().body(Map.of("name", "x", "domains", List.of("a.test"), "categories", List.of("tracking")))
                .post("/api/v1/sites").then().statusCode(400).body("detail", containsString("tracking"));
        asOperator().body(Map.of("name", "x", "domains", List.of("a.test"),
                "texts", Map.of("en", Map.of("titel", "typo")))).post("/api/v1/sites")
                .then().statusCode(400).body("detail", containsString("titel"));
        asOperator().get("/api/v1/sites/7d1f3b9e-0000-4000-8000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRotateApiKeyAndStopTheOldOne() {
        JsonPath site = createSite("Rotate", "rotate.test");
        String id = site.getString("id");
        String newKey = withKey(site.getString("apiKey")).post("/api/v1/sites/" + id + "/api-key").then()
                .statusCode(200).extract().path("apiKey");
        withKey(site.getString("apiKey")).get("/api/v1/sites/" + id).then().statusCode(401);
        withKey(newKey).get("/api/v1/sites/" + id).then().statusCode(200);
    }

    @Test
    void shouldServeBannerConfigInTheRequestedLanguageWithEtag() {
        JsonPath site = createSite(Map.of("name", "Talen", "domains", List.of("*.talen.test"),
                "languages", List.of("nl", "en"),
                "texts", Map.of("nl", Map.of("acceptAll", "Alles accepteren, graag"))));
        String id = site.getString("id");
        String etag = given().get("/api/v1/sites/" + id + "/banner?lang=nl-BE").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .body("language", equalTo("nl"))
                .body("version", equalTo(site.getString("bannerVersion")))
                .body("texts.acceptAll", equalTo("Alles accepteren, graag"))
                .body("categories.key", hasItems("functional", "analytical", "marketing"))
                .extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/sites/" + id + "/banner?lang=nl").then().statusCode(304);
        given().get("/api/v1/sites/" + id + "/banner?lang=ja").then().statusCode(200).body("language", equalTo("nl"));
        given().get("/api/v1/sites/" + id + "/banner?lang=en").then().statusCode(200)
                .body("texts.acceptAll", not(equalTo("Alles accepteren, graag")));
    }

    @Test
    void shouldServeChangedBannerRightAfterUpdate() {
        JsonPath site = createSite("Fresh", "fresh.test");
        String id = site.getString("id");
        given().get("/api/v1/sites/" + id + "/banner").then().body("texts.title", not(equalTo("Nieuw")));
        withKey(site.getString("apiKey")).body(Map.of("texts", Map.of("en", Map.of("title", "Nieuw"))))
                .put("/api/v1/sites/" + id).then().statusCode(200);
        given().get("/api/v1/sites/" + id + "/banner").then().body("texts.title", equalTo("Nieuw"));
    }
}
