package dev.akkoord.scan;

import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.withKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akkoord.scan.crawl.FixtureServer;
import dev.akkoord.testsupport.ExternalServersToo;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The owner's word on a cookie through the API: a category, and their own purpose, vendor and retention, which the
 * banner and the declaration show instead of the scanner's. Visitors never read why a layer decided.
 */
@QuarkusTest
@ExternalServersToo
class CookieOverrideResourceTest {

    private static final String OWNER_PURPOSE = "Counts visits to our pages so we can see which ones help";
    private static final String OWNER_VENDOR = "Example Analytics Ltd";
    private static final String OWNER_RETENTION = "13 months";

    @Inject
    ScanWorker worker;

    private static Vertx vertx;
    private static FixtureServer site;

    @BeforeAll
    static void serveFixtureSite() throws Exception {
        vertx = Vertx.vertx();
        site = new FixtureServer(vertx.getDelegate());
        // _ga is in the Open Cookie Database; zq_cart_state only a name rule ("cart") knows.
        site.page("/", "<html><body>shop</body></html>", "_ga=GA1.1.1.1; Max-Age=63072000; Path=/",
                "zq_cart_state=1; Path=/");
    }

    @AfterAll
    static void stopFixtureSite() throws Exception {
        site.close();
        vertx.closeAndAwait();
    }

    /** A site scanned once: its id and API key. */
    private record Scanned(String id, String key) {

        String cookies() {
            return "/api/v1/sites/" + id + "/cookies/";
        }
    }

    private Scanned scannedSite(String name) {
        JsonPath created = createSite(name, "127.0.0.1:" + site.port());
        Scanned scanned = new Scanned(created.getString("id"), created.getString("apiKey"));
        assertEquals("done", Scans.awaitFinished(worker, scanned.id(), Scans.request(scanned.id(), scanned.key()),
                scanned.key()).getString("status"));
        return scanned;
    }

    @Test
    void shouldStoreListChangeAndDeleteTheOwnersDetails() {
        Scanned shop = scannedSite("Details round trip");

        withKey(shop.key()).body(Map.of("purpose", "  " + OWNER_PURPOSE + " ", "vendor", OWNER_VENDOR,
                        "retention", OWNER_RETENTION))
                .put(shop.cookies() + "zq_cart_state").then().statusCode(200)
                .body("name", equalTo("zq_cart_state")).body("category", nullValue())
                .body("purpose", equalTo(OWNER_PURPOSE)).body("vendor", equalTo(OWNER_VENDOR))
                .body("retention", equalTo(OWNER_RETENTION));
        JsonPath listed = withKey(shop.key()).get(shop.cookies()).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(details("zq_cart_state", null, OWNER_PURPOSE, OWNER_VENDOR, OWNER_RETENTION)),
                listed.getList("cookies"), "every field, null where the scanner's word stands");
        assertEquals(Map.of(), listed.getMap("overrides"), "no category was set");

        // Fields left out stay; an empty text gives the scanner's back.
        withKey(shop.key()).body(Map.of("category", "marketing")).put(shop.cookies() + "zq_cart_state").then()
                .statusCode(200).body("category", equalTo("marketing")).body("purpose", equalTo(OWNER_PURPOSE));
        withKey(shop.key()).body(Map.of("vendor", "")).put(shop.cookies() + "zq_cart_state").then().statusCode(200)
                .body("vendor", nullValue()).body("retention", equalTo(OWNER_RETENTION));
        listed = withKey(shop.key()).get(shop.cookies()).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(details("zq_cart_state", "marketing", OWNER_PURPOSE, null, OWNER_RETENTION)),
                listed.getList("cookies"));
        assertEquals(Map.of("zq_cart_state", "marketing"), listed.getMap("overrides"));

        Map<String, Object> cart = cookie(latest(shop), "zq_cart_state");
        assertEquals("marketing", cart.get("category"));
        assertEquals(OWNER_PURPOSE, cart.get("purpose"));
        assertEquals(OWNER_RETENTION, cart.get("lifetime"));
        assertEquals("Decided by the site owner", cart.get("reason"));

        // The longest texts allowed are taken.
        withKey(shop.key()).body(Map.of("purpose", "p".repeat(500), "vendor", "v".repeat(120),
                "retention", "r".repeat(60))).put(shop.cookies() + "zq_cart_state").then().statusCode(200);

        withKey(shop.key()).delete(shop.cookies() + "zq_cart_state").then().statusCode(204);
        assertEquals(List.of(), withKey(shop.key()).get(shop.cookies()).then().extract().jsonPath().getList("cookies"));
        Map<String, Object> scanners = cookie(latest(shop), "zq_cart_state");
        assertEquals("functional", scanners.get("category"));
        assertEquals("Keeps the shopping cart and checkout working.", scanners.get("purpose"));
        withKey(shop.key()).delete(shop.cookies() + "zq_cart_state").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRefuseBadBodiesAndKeepWhatIsStored() {
        Scanned shop = scannedSite("Bad bodies");
        withKey(shop.key()).body(Map.of("category", "analytical", "purpose", OWNER_PURPOSE, "vendor", OWNER_VENDOR,
                "retention", OWNER_RETENTION)).put(shop.cookies() + "_ga").then().statusCode(200);
        String version = bannerVersion(shop);
        List<Object> stored = withKey(shop.key()).get(shop.cookies()).then().extract().jsonPath().getList("cookies");

        Map<String, String> refused = new HashMap<>();
        refused.put("{}", "at least one");
        refused.put("{\"category\": null, \"purpose\": null}", "at least one");
        refused.put("{\"category\": \"tasty\"}", "functional, analytical or marketing");
        refused.put("{\"category\": \"unclassified\"}", "functional, analytical or marketing");
        refused.put("{\"category\": \"\"}", "functional, analytical or marketing");
        refused.put("{\"category\": \"functional\", \"purpose\": \"" + "x".repeat(501) + "\"}", "500");
        refused.put("{\"vendor\": \"" + "x".repeat(121) + "\"}", "120");
        refused.put("{\"retention\": \"" + "x".repeat(61) + "\"}", "60");
        refused.put("{\"purpose\": \"Line one\\nline two\"}", "control characters");
        refused.put("{\"vendor\": \"Bell\\u0007\"}", "control characters");
        refused.put("{\"purpose\": \"Harmless \\u202Eesrever\"}", "control characters");
        refused.put("{\"lifetime\": \"1 year\"}", "Unknown field 'lifetime'");
        refused.put("{\"purpose\": [\"a\"]}", "purpose");
        refused.put("{\"purpose\": ", "Malformed JSON");
        refused.put("[]", "");
        refused.forEach((body, detail) -> withKey(shop.key()).body(body).put(shop.cookies() + "_ga").then()
                .statusCode(400).contentType("application/problem+json").body("status", equalTo(400))
                .body("detail", containsString(detail)));
        withKey(shop.key()).body(Map.of("purpose", "fine")).put(shop.cookies() + "n".repeat(257)).then()
                .statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("purpose", "fine")).put(shop.cookies() + "_ga").then()
                .statusCode(401).contentType("application/problem+json");
        JsonPath stranger = createSite("Stranger", "stranger-details.test");
        withKey(stranger.getString("apiKey")).body(Map.of("purpose", "mine now")).put(shop.cookies() + "_ga").then()
                .statusCode(403);

        assertEquals(stored, withKey(shop.key()).get(shop.cookies()).then().extract().jsonPath().getList("cookies"),
                "no refused request changed the stored override, not even the valid category next to a bad purpose");
        assertEquals(version, bannerVersion(shop), "nor the banner");
    }

    @Test
    void shouldKeepThePurposeWhenTheOwnerSetsOnlyTheCategory() {
        Scanned shop = scannedSite("Category only");
        Map<String, Object> scanned = cookie(latest(shop), "_ga");
        String purpose = (String) scanned.get("purpose");
        assertNotNull(purpose, "Google's documentation says what _ga does");
        assertTrue(((String) scanned.get("reason")).startsWith("Matches Google Analytics's documented cookie _ga"),
                (String) scanned.get("reason"));

        withKey(shop.key()).body(Map.of("category", "functional")).put(shop.cookies() + "_ga").then().statusCode(200)
                .body("purpose", nullValue());
        Map<String, Object> ga = cookie(latest(shop), "_ga");
        assertEquals("functional", ga.get("category"));
        assertEquals("override", ga.get("source"));
        assertEquals(purpose, ga.get("purpose"));
        assertEquals("Decided by the site owner", ga.get("reason"));
        assertEquals(purpose, bannerCookie(banner(shop), "functional", "_ga").get("purpose"));

        // A scan after the override stores the classifier's answer with the owner's category: the purpose stays too.
        JsonPath rescanned = Scans.awaitFinished(worker, shop.id(), Scans.request(shop.id(), shop.key()), shop.key());
        Map<String, Object> stored = cookie(rescanned, "_ga");
        assertEquals("functional", stored.get("category"));
        assertEquals(purpose, stored.get("purpose"));
        assertEquals("Decided by the site owner", stored.get("reason"));
        assertEquals(purpose, bannerCookie(banner(shop), "functional", "_ga").get("purpose"));
    }

    @Test
    void shouldShowTheOwnersDetailsInTheBannerAndTheDeclaration() {
        Scanned shop = scannedSite("Owner's words");
        String before = bannerVersion(shop);

        withKey(shop.key()).body(Map.of("purpose", OWNER_PURPOSE, "vendor", OWNER_VENDOR, "retention",
                OWNER_RETENTION)).put(shop.cookies() + "_GA").then().statusCode(200);
        JsonPath banner = banner(shop);
        assertNotEquals(before, banner.getString("version"), "a changed text makes a new banner version");
        Map<String, Object> ga = bannerCookie(banner, "analytical", "_ga");
        assertEquals(OWNER_PURPOSE, ga.get("purpose"), "the owner's words win, whatever the case of the name");
        assertEquals(OWNER_VENDOR, ga.get("provider"));
        assertEquals(OWNER_RETENTION, ga.get("lifetime"));
        // The cookie declaration on a privacy page lists these same entries (web-widget/src/declaration.js).

        String withDetails = banner.getString("version");
        withKey(shop.key()).body(Map.of("vendor", "Another vendor")).put(shop.cookies() + "_GA").then().statusCode(200);
        assertNotEquals(withDetails, bannerVersion(shop), "a vendor alone changes the banner too");
        withKey(shop.key()).body(Map.of("vendor", OWNER_VENDOR)).put(shop.cookies() + "_GA").then().statusCode(200);
        assertEquals(withDetails, bannerVersion(shop), "the same texts give the same version back");
        withKey(shop.key()).body(Map.of("vendor", OWNER_VENDOR)).put(shop.cookies() + "_GA").then().statusCode(200);
        assertEquals(withDetails, bannerVersion(shop), "an unchanged text changes nothing");

        // A cookie no scan has seen: listed with the owner's words once it has a category, not before.
        withKey(shop.key()).body(Map.of("purpose", "Remembers the last product you looked at"))
                .put(shop.cookies() + "last_product_*").then().statusCode(200);
        assertFalse(banner(shop).getList("categories.cookies.flatten().name").contains("last_product_*"));
        withKey(shop.key()).body(Map.of("category", "functional", "retention", "30 days"))
                .put(shop.cookies() + "last_product_*").then().statusCode(200);
        Map<String, Object> declared = bannerCookie(banner(shop), "functional", "last_product_*");
        assertEquals("Remembers the last product you looked at", declared.get("purpose"));
        assertEquals("30 days", declared.get("lifetime"));
        assertNull(declared.get("provider"));

        withKey(shop.key()).delete(shop.cookies() + "_GA").then().statusCode(204);
        withKey(shop.key()).delete(shop.cookies() + "last_product_*").then().statusCode(204);
        assertEquals(before, bannerVersion(shop));
    }

    @Test
    void shouldShowVisitorsNoInternalWording() {
        Scanned shop = scannedSite("Plain words");
        Map<String, Object> cart = cookie(latest(shop), "zq_cart_state");
        assertEquals("rule", cart.get("source"));
        assertEquals("Name rule cart", cart.get("reason"), "the owner reads why");
        assertEquals("Keeps the shopping cart and checkout working.", cart.get("purpose"));

        withKey(shop.key()).body(Map.of("category", "analytical")).put(shop.cookies() + "declared_only").then()
                .statusCode(200);
        JsonPath banner = banner(shop);
        assertEquals("Keeps the shopping cart and checkout working.",
                bannerCookie(banner, "functional", "zq_cart_state").get("purpose"));
        assertNull(bannerCookie(banner, "analytical", "declared_only").get("purpose"),
                "nothing is known of what it does, so nothing is said");
        // The banner's script and the declaration carry this same config.
        String config = banner.prettify().toLowerCase(Locale.ROOT);
        for (String internal : List.of("name rule", "decided by", "declared by", "open cookie database",
                "listed as a cookie", "predicted from", "not sure enough", "written by")) {
            assertFalse(config.contains(internal), "'" + internal + "' in what visitors get: " + config);
        }
    }

    private static Map<String, Object> details(String name, String category, String purpose, String vendor,
            String retention) {
        Map<String, Object> details = new HashMap<>();
        details.put("name", name);
        details.put("category", category);
        details.put("purpose", purpose);
        details.put("vendor", vendor);
        details.put("retention", retention);
        return details;
    }

    private static JsonPath latest(Scanned shop) {
        return withKey(shop.key()).get("/api/v1/sites/" + shop.id() + "/scans/latest").then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath banner(Scanned shop) {
        return given().get("/api/v1/sites/" + shop.id() + "/banner").then().statusCode(200).extract().jsonPath();
    }

    private static String bannerVersion(Scanned shop) {
        return banner(shop).getString("version");
    }

    private static Map<String, Object> bannerCookie(JsonPath banner, String category, String name) {
        List<Map<String, Object>> cookies = banner.getList("categories.find { it.key == '" + category + "' }.cookies");
        return cookies.stream().filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " among the " + category + " cookies: "
                        + cookies));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cookie(JsonPath scan, String name) {
        List<Map<String, Object>> cookies = scan.getList("results.cookies");
        return cookies.stream().filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + cookies));
    }
}
