package dev.akkoord.widget;

import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.withKey;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SharedScriptWithConfigTests {

    private static final String PREFIX = "window.akkoordSiteConfig=";

    @Inject
    WidgetService widgets;

    /** Hosts no other test claims, so each test decides alone which sites claim them. */
    private static String uniqueHost(String label) {
        return label + System.nanoTime() + ".inline.test";
    }

    private String banner() {
        return new String(widgets.asset().orElseThrow().body(), StandardCharsets.UTF_8);
    }

    private static String siteIdInside(String script) {
        assertTrue(script.startsWith(PREFIX), "the script starts with a config: " + script.substring(0, 40));
        return new JsonPath(script.substring(PREFIX.length(), script.indexOf(";\n"))).getString("siteId");
    }

    private String sharedScriptFor(String referer, String expectedCacheControl) {
        var request = given();
        if (referer != null) {
            request.header("Referer", referer);
        }
        return request.when().get("/akkoord.js").then().statusCode(200)
                .header("Cache-Control", expectedCacheControl).extract().asString();
    }

    @Test
    void aPageGetsTheScriptWithTheConfigOfTheSiteThatClaimsItsHostMostNarrowly() {
        String host = uniqueHost("shop");
        String siteId = createSite("Shop", host).getString("id");
        String script = given().header("Referer", "https://" + host + "/products/42?colour=red")
                .when().get("/akkoord.js").then().statusCode(200)
                .header("Cache-Control", WidgetResource.WITH_CONFIG_CACHE)
                .header("Vary", WidgetResource.WITH_CONFIG_VARY)
                .header("Content-Type", WidgetResource.JAVASCRIPT)
                .extract().asString();
        assertEquals(siteId, siteIdInside(script));
        assertTrue(script.endsWith(banner()), "the banner follows the config unchanged");

        String brand = uniqueHost("brand");
        String wildcardSite = createSite("Brand", "*." + brand).getString("id");
        String shopSite = createSite("Brand shop", "shop." + brand).getString("id");
        assertEquals(wildcardSite, siteIdInside(sharedScriptFor("https://www." + brand + "/", WidgetResource.WITH_CONFIG_CACHE)),
                "a subdomain of a *. domain");
        assertEquals(shopSite, siteIdInside(sharedScriptFor("https://shop." + brand + "/", WidgetResource.WITH_CONFIG_CACHE)),
                "the named host is the narrower claim");
    }

    @Test
    void anyOtherPageGetsTheSharedBuildAlone() {
        String shared = banner();
        assertEquals(shared, sharedScriptFor(null, WidgetResource.LATEST_CACHE), "no Referer");
        assertEquals(shared, sharedScriptFor("https://" + uniqueHost("nobody") + "/", WidgetResource.LATEST_CACHE),
                "a host no site claims");
        assertEquals(shared, sharedScriptFor("not a url", WidgetResource.LATEST_CACHE));

        String twice = uniqueHost("twice");
        createSite("Staging", twice);
        createSite("Production", twice);
        assertEquals(shared, sharedScriptFor("https://" + twice + "/", WidgetResource.LATEST_CACHE),
                "a host two sites claim alike: which config would be a guess");
    }

    @Test
    void theImmutableBuildStaysByteForByteTheBuild() {
        String host = uniqueHost("pinned");
        createSite("Pinned", host);
        String path = widgets.asset().orElseThrow().versionedPath();
        String script = given().header("Referer", "https://" + host + "/").when().get(path)
                .then().statusCode(200).header("Cache-Control", WidgetResource.IMMUTABLE_CACHE).extract().asString();
        assertEquals(banner(), script, "its Subresource Integrity value must keep matching");
    }

    @Test
    void aSiteThatGivesUpAHostNoLongerBringsItsConfigThere() {
        String before = uniqueHost("old");
        String after = uniqueHost("new");
        JsonPath site = createSite("Moving", before);
        assertEquals(site.getString("id"), siteIdInside(sharedScriptFor("https://" + before + "/", WidgetResource.WITH_CONFIG_CACHE)));

        withKey(site.getString("apiKey")).body(Map.of("domains", List.of(after)))
                .put("/api/v1/sites/" + site.getString("id")).then().statusCode(200);
        assertEquals(banner(), sharedScriptFor("https://" + before + "/", WidgetResource.LATEST_CACHE));
        assertEquals(site.getString("id"), siteIdInside(sharedScriptFor("https://" + after + "/", WidgetResource.WITH_CONFIG_CACHE)));
    }
}
