package dev.akkoord.widget.demo;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.akkoord.testsupport.Api;
import dev.akkoord.testsupport.TunedSettingsProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(TunedSettingsProfile.class)
class DemoResourceTests {

    /** The demo is off in tests unless asked for, as here. */

    @Inject
    DemoConfig config;

    private static final Pattern SITE = Pattern.compile("data-site=\"([0-9a-f-]{36})\"");

    @Test
    void shouldServeTheDemoShopWithTheBannerFirstUnderAStrictCsp() {
        String page = RestAssured.get("/demo").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", DemoResource.CSP)
                .body(containsString("<script type=\"text/plain\" data-category=\"analytical\" src=\"/demo/stats.js\"></script>"))
                .body(containsString("<script type=\"text/plain\" data-category=\"marketing\" src=\"/demo/ads.js\"></script>"))
                .extract().asString();
        String head = page.substring(page.indexOf("<head>") + "<head>".length()).trim();
        assertEquals(true, head.startsWith("<script src=\"/akkoord.js\" data-site=\""), "the banner comes first in <head>");
        assertEquals(false, page.contains("{{"), "every placeholder is filled");
    }

    @Test
    void shouldCreateTheDemoSiteOnceAndServeItsBanner() {
        String first = siteOf(RestAssured.get("/demo").asString());
        String second = siteOf(RestAssured.get("/demo").asString());
        assertEquals(first, second, "one demo site, however often the page is opened");
        Api.asOperator().get("/api/v1/sites/" + first).then().statusCode(200)
                .body("domains", equalTo(config.domains()))
                .body("categories", hasItems("functional", "analytical", "marketing"));
        RestAssured.get("/api/v1/sites/" + first + "/banner?lang=nl").then().statusCode(200)
                .body("language", org.hamcrest.Matchers.equalTo("nl"))
                .body("texts.acceptAll", org.hamcrest.Matchers.equalTo("Alles accepteren"));
    }

    @Test
    void shouldNameAPortInEachDemoDomainForAnOriginIncludesIt() {
        // Port-less domains mean 443 and 80; the demo is opened on the service's own port.
        assertEquals(List.of("localhost", "127.0.0.1"), config.domains().stream()
                .map(domain -> domain.substring(0, domain.lastIndexOf(':'))).toList());
        config.domains().forEach(domain -> Integer.parseInt(domain.substring(domain.lastIndexOf(':') + 1)));
    }

    @Test
    void shouldDeclareTheSampleCookiesSoTheBannerListsThemForWithdrawal() {
        String siteId = siteOf(RestAssured.get("/demo").asString());
        JsonPath banner = RestAssured.get("/api/v1/sites/" + siteId + "/banner?lang=en").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("demo_stats"), banner.getList("categories.find { it.key == 'analytical' }.cookies.name"));
        assertEquals(List.of("demo_ads"), banner.getList("categories.find { it.key == 'marketing' }.cookies.name"));
        Api.asOperator().get("/api/v1/sites/" + siteId + "/cookies").then().statusCode(200)
                .body("overrides.demo_stats", equalTo("analytical"))
                .body("overrides.demo_ads", equalTo("marketing"));
    }

    @Test
    void shouldServeTheSampleScripts() {
        RestAssured.get("/demo/stats.js").then().statusCode(200).body(containsString("demo_stats="));
        RestAssured.get("/demo/ads.js").then().statusCode(200).body(containsString("demo_ads="));
        RestAssured.get("/demo/demo.js").then().statusCode(200);
    }

    private static String siteOf(String page) {
        Matcher matcher = SITE.matcher(page);
        assertEquals(true, matcher.find(), "the page names its site");
        assertNotNull(matcher.group(1));
        return matcher.group(1);
    }
}
