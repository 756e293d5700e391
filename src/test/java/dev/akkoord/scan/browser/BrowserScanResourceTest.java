package dev.akkoord.scan.browser;

import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.withKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akkoord.scan.ScanWorker;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A scan through the API of the fixture shop with Akkoord's real banner on its pages, in real headless Chromium:
 * every cookie a plain Chromium visit holds is found, before consent and after accept, with its setter, journeys
 * and flags; the scanner's own decisions never reach the consent ledger.
 */
@QuarkusTest
@TestProfile(BrowserScanProfile.class)
class BrowserScanResourceTest {

    @Inject
    ScanWorker worker;

    private static Vertx vertx;
    private static FixtureShop shop;

    @BeforeAll
    static void startShop() throws Exception {
        NeedsChromium.check(BrowserSettings.defaults());
        vertx = Vertx.vertx();
        shop = FixtureShop.start(vertx.getDelegate(), "");
    }

    @AfterAll
    static void stopShop() throws Exception {
        if (shop != null) {
            shop.close();
            vertx.closeAndAwait();
        }
    }

    @Test
    void findsEveryCookieAPlainBrowserHoldsWithSetterJourneysAndFlags() throws Exception {
        JsonPath site = createSite("Fixture shop", "127.0.0.1:" + shop.port());
        String siteId = site.getString("id");
        String key = site.getString("apiKey");
        shop.bannerTag("<script src=\"http://127.0.0.1:" + RestAssured.port + "/akkoord.js\" data-site=\"" + siteId
                + "\"></script>");

        String scanId = withKey(key).post("/api/v1/sites/" + siteId + "/scans").then().statusCode(202)
                .extract().path("id");
        JsonPath scan = awaitFinished(siteId, scanId, key);
        assertEquals("done", scan.getString("status"));
        assertEquals("browser", scan.getString("results.method"));
        assertTrue(scan.getString("results.methodNote").contains("Chrome"), scan.getString("results.methodNote"));

        // The scanner pressed Accept and Reject a dozen times: none of it is a visitor's consent. (Checked before the
        // yardstick below, which accepts for real.)
        assertEquals(0, withKey(key).get("/api/v1/sites/" + siteId + "/consents").then().statusCode(200)
                .extract().jsonPath().getList("records").size());

        List<Map<String, Object>> cookies = scan.getList("results.cookies");
        Set<String> found = cookies.stream().map(c -> c.get("name") + "@" + c.get("domain"))
                .collect(Collectors.toCollection(TreeSet::new));
        try (PlainChromium plain = new PlainChromium(BrowserSettings.defaults().resolveBinary().orElseThrow())) {
            PlainChromium.Held held = plain.cookiesOfPages(shop.origin(), shop.pages(), 3000);
            Set<String> beforeConsent = held.beforeConsent();
            Set<String> afterAccept = held.afterAccept();
            assertTrue(beforeConsent.containsAll(Set.of("shop_late@127.0.0.1", "shop_session@127.0.0.1")),
                    "the yardstick itself saw the shop's cookies: " + beforeConsent);
            assertTrue(afterAccept.contains("shop_consented@127.0.0.1"), "and those after accept: " + afterAccept);
            assertTrue(found.containsAll(beforeConsent), "recall before consent: missing "
                    + difference(beforeConsent, found));
            assertTrue(found.containsAll(afterAccept), "recall after accept: missing " + difference(afterAccept, found));
        }

        String origin = shop.origin();
        assertSetter(cookies, "ph_" + FixtureShop.POSTHOG_KEY + "_posthog", "script", origin + "/lib/posthog.js");
        assertSetter(cookies, "mp_" + FixtureShop.MIXPANEL_TOKEN + "_mixpanel", "script", origin + "/lib/mixpanel.js");
        assertSetter(cookies, "shop_theme", "script", origin + "/js/prefs.js");
        assertSetter(cookies, "shop_ab", "script", origin + "/js/ab.js");
        assertSetter(cookies, "shop_late", "script", origin + "/js/late.js");
        assertSetter(cookies, "shop_inline", "script", origin + "/");
        assertSetter(cookies, "shop_session", "http", origin + "/");
        assertSetter(cookies, "shop_cart", "http", origin + "/products");
        assertSetter(cookies, "shop_spa", "script", origin + "/spa-only");

        Map<String, Object> consented = seen(cookies, "shop_consented");
        assertEquals(List.of("accept"), consented.get("journeys"), "released by the banner only after accept");
        assertEquals(true, consented.get("onlyAfterAccept"));
        assertEquals(false, consented.get("setBeforeConsent"));
        // Its name reads like a consent cookie (functional by name), but the page tags its script analytical.
        assertEquals("analytical", cookie(cookies, "shop_consented").get("category"));
        assertEquals(false, cookie(cookies, "shop_consented").get("violation"), "set only with consent");

        Map<String, Object> mixpanel = cookie(cookies, "mp_" + FixtureShop.MIXPANEL_TOKEN + "_mixpanel");
        assertEquals("analytical", mixpanel.get("category"));
        assertEquals(true, mixpanel.get("violation"), "set before consent on the self-hosted shop");
        Map<String, Object> mixpanelSeen = seen(cookies, "mp_" + FixtureShop.MIXPANEL_TOKEN + "_mixpanel");
        assertEquals(true, mixpanelSeen.get("setBeforeConsent"));
        assertEquals(true, mixpanelSeen.get("setUnderGpc"), "the shop does not gate Mixpanel: GPC changes nothing");
        assertTrue(((List<?>) mixpanelSeen.get("journeys")).containsAll(List.of("no-decision", "reject", "accept",
                "gpc")), mixpanelSeen.toString());
        assertEquals(null, mixpanelSeen.get("value"), "never a value");

        Map<String, Object> conversion = cookie(cookies, "_gcl_au");
        assertEquals("marketing", conversion.get("category"));
        assertEquals(true, conversion.get("violation"));
        assertEquals(true, seen(cookies, "_gcl_au").get("setAfterReject"), "written on the rejection itself");
        assertEquals(false, seen(cookies, "_gcl_au").get("setBeforeConsent"));
        assertSetter(cookies, "_gcl_au", "script", origin + "/js/conversion.js");

        String headline = scan.getString("results.headline");
        assertTrue(headline.contains("set before consent on"), headline);
        assertTrue(headline.contains("/lib/mixpanel.js"), headline);
        assertTrue(headline.contains("set even after \u201cReject all\u201d, by /js/conversion.js"), headline);
        assertTrue(headline.contains("The banner did not show on 1 of"), headline);

        List<Map<String, Object>> browserPages = scan.getList("results.browserPages");
        Map<String, Object> noBanner = browserPages.stream().filter(p -> p.get("url").equals(origin + "/no-banner"))
                .findFirst().orElseThrow();
        assertEquals(false, noBanner.get("banner"));
        assertEquals(List.of("no-decision"), noBanner.get("journeys"));
        Map<String, Object> home = browserPages.stream().filter(p -> p.get("url").equals(origin + "/"))
                .findFirst().orElseThrow();
        assertEquals(true, home.get("banner"));
        assertEquals(List.of("no-decision", "reject", "accept", "gpc"), home.get("journeys"));
        assertTrue(((List<?>) home.get("localStorage")).size() + ((List<?>) home.get("sessionStorage")).size() > 0,
                "PostHog and Mixpanel keep state in Web Storage too: " + home);
        assertEquals(List.of(), home.get("outsideHosts"), "the shop self-hosts everything");
        assertTrue(browserPages.stream().anyMatch(p -> p.get("url").equals(origin + "/spa-only")),
                "the page linked only from the rendered DOM");

        assertTrue(shop.hits("/js/after-consent.js") > 0, "the gated script ran in the accept journeys");
    }

    private static Set<String> difference(Set<String> expected, Set<String> found) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(found);
        return missing;
    }

    private static void assertSetter(List<Map<String, Object>> cookies, String name, String kind, String url) {
        Map<String, Object> cookie = cookie(cookies, name);
        assertEquals(url, cookie.get("setBy"), name);
        assertEquals(kind, seen(cookies, name).get("setter"), name);
    }

    private static Map<String, Object> cookie(List<Map<String, Object>> cookies, String name) {
        return cookies.stream().filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not found among " + cookies.stream()
                        .map(c -> c.get("name")).toList()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> seen(List<Map<String, Object>> cookies, String name) {
        Object seen = cookie(cookies, name).get("seen");
        assertNotNull(seen, name + " was seen by the browser");
        return (Map<String, Object>) seen;
    }

    private JsonPath awaitFinished(String siteId, String scanId, String key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            worker.poll().await().atMost(Duration.ofSeconds(10));
            JsonPath scan = withKey(key).get("/api/v1/sites/" + siteId + "/scans/" + scanId).then().statusCode(200)
                    .extract().jsonPath();
            if (List.of("done", "partial", "failed").contains(scan.getString("status"))) {
                return scan;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("scan " + scanId + " did not finish within 180 s");
    }
}
