package dev.akkoord.scan;

import static dev.akkoord.testsupport.Api.asOperator;
import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.withKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scans through the API against a fixture site served by the test on 127.0.0.1 (allow-listed in the test
 * profile). Third-party fetching is off in tests, so the real tracker hosts the pages name are never contacted.
 */
@QuarkusTest
@ExternalServersToo
class ScanResourceTest {

    @Inject
    ScanWorker worker;

    /** Fixture servers get their own Vert.x: Quarkus's instance carries the application's HTTP metrics. */
    private static Vertx vertx;

    private FixtureServer site;
    private final Set<String> cookiesOnShop = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.closeAndAwait();
    }

    @BeforeEach
    void serveFixtureSite() throws Exception {
        site = new FixtureServer(vertx.getDelegate());
        cookiesOnShop.add("_fbp=fb.1.1.1; Max-Age=7776000; Path=/");
        cookiesOnShop.add("promo_seen=1; Max-Age=86400; Path=/");
        site.route("/robots.txt", r -> r.response().putHeader("Content-Type", "text/plain").end(
                "User-agent: *\nDisallow: /private/\nSitemap: http://127.0.0.1:" + site.port() + "/sitemap.xml\n"));
        site.route("/sitemap.xml", r -> r.response().putHeader("Content-Type", "application/xml").end(
                "<urlset><url><loc>http://127.0.0.1:" + site.port() + "/hidden</loc></url></urlset>"));
        site.page("/", """
                <html><head>
                <script async src="https://www.googletagmanager.com/gtag/js?id=G-QTEST1"></script>
                <script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}
                gtag('js', new Date()); gtag('config', 'G-QTEST1');</script>
                </head><body>
                <a href="/blog">Blog</a> <a href="/shop">Shop</a> <a href="/private/area">Private</a>
                <a href="/feed">Feed</a> <a href="/slow">Slow</a> <a href="/loop">Loop</a>
                <a href="/big">Big</a> <a href="/to-intranet">Intranet</a>
                <img src="https://www.facebook.com/tr?id=424242&ev=PageView" width="1" height="1">
                </body></html>""", "PHPSESSID=s1; Path=/; HttpOnly; SameSite=Lax");
        site.page("/blog", "<html><body><a href=\"/\">Home</a></body></html>",
                "_ga=GA1.1.1.1; Max-Age=63072000; Path=/");
        site.route("/shop", r -> {
            var response = r.response().putHeader("Content-Type", "text/html");
            cookiesOnShop.forEach(cookie -> response.headers().add("Set-Cookie", cookie));
            response.end("<html><body>shop</body></html>");
        });
        site.page("/hidden", "<html><body>only in the sitemap</body></html>", "csrftoken=t; Path=/; Secure");
        site.page("/private/area", "<html>never</html>");
        site.route("/feed", r -> r.response().putHeader("Content-Type", "application/rss+xml")
                .putHeader("Set-Cookie", "feed_pref=1; Path=/").end("<rss/>"));
        site.route("/slow", r -> vertx.getDelegate().setTimer(2500, id -> {
            if (!r.response().closed()) {
                r.response().end("<html></html>");
            }
        }));
        site.redirect("/loop", "/loop");
        site.redirect("/to-intranet", "http://10.1.1.1/admin");
        site.page("/big", "<html><body><a href=\"/after-big\">x</a>" + "<p>filler</p>".repeat(10_000) + "</body></html>",
                "big_seen=1; Path=/");
    }

    @AfterEach
    void stopFixtureSite() throws Exception {
        site.close();
    }

    private JsonPath createFixtureSite(String name) {
        return createSite(name, "127.0.0.1:" + site.port());
    }

    @Test
    void shouldScanTheSiteAndReportCookiesTrackersViolationsAndErrors() {
        // The second domain is on the site but private: the redirect to it must be refused, like the domain itself.
        JsonPath created = createSite("Scanned shop", "127.0.0.1:" + site.port(), "10.1.1.1");
        String siteId = created.getString("id");
        String key = created.getString("apiKey");

        String scanId = withKey(key).post("/api/v1/sites/" + siteId + "/scans").then().statusCode(202)
                .header("Location", containsString("/scans/"))
                .body("status", equalTo("queued")).extract().path("id");
        withKey(key).post("/api/v1/sites/" + siteId + "/scans").then().statusCode(202)
                .body("id", equalTo(scanId)); // one queued scan is enough

        JsonPath scan = Scans.awaitFinished(worker, siteId, scanId, key);
        // Pages that time out, loop or redirect to the intranet, and a private second domain: read in part.
        assertEquals("partial", scan.getString("status"));
        assertEquals("pages_failed", scan.getString("failureKind"));
        assertTrue(scan.getString("failure").contains("pages could not be read")
                && scan.getString("failure").contains("1 of the site's 2 domains could not be reached"),
                scan.getString("failure"));
        assertEquals("request", scan.getString("trigger"));
        assertEquals(List.of("http://127.0.0.1:" + site.port() + "/"), scan.getList("results.origins"));
        // The test profile turns the browser off: the result must say what that leaves out, and how to change it.
        assertEquals("static", scan.getString("results.method"));
        assertTrue(scan.getString("results.methodNote").contains("cookies set by JavaScript were not looked for"),
                scan.getString("results.methodNote"));
        assertTrue(scan.getString("results.methodNote").contains("AKKOORD_SCAN_BROWSER"));
        assertTrue(scan.getString("results.headline").contains("set by the site's responses before consent"),
                scan.getString("results.headline"));

        Map<String, Object> session = cookie(scan, "PHPSESSID");
        assertEquals("functional", session.get("category"));
        assertEquals("observed", session.get("found"));
        assertEquals(false, session.get("violation"));
        assertEquals(true, session.get("httpOnly"));

        Map<String, Object> ga = cookie(scan, "_ga");
        assertEquals("analytical", ga.get("category"));
        assertEquals("vendor", ga.get("source"), "Google documents _ga: the vendor table decides");
        assertEquals("Google Analytics", ga.get("vendor"));
        assertEquals(true, ga.get("violation"), "an analytical cookie set without consent");
        assertTrue(ga.get("evidence").toString().contains("/blog"), ga.get("evidence").toString());
        assertEquals("http://127.0.0.1:" + site.port() + "/blog", ga.get("firstPage"));

        Map<String, Object> fbp = cookie(scan, "_fbp");
        assertEquals("marketing", fbp.get("category"));
        assertEquals(true, fbp.get("violation"));

        Map<String, Object> inferred = cookie(scan, "_ga_QTEST1");
        assertEquals("inferred", inferred.get("found"));
        assertEquals("analytical", inferred.get("category"));
        assertEquals(false, inferred.get("violation"), "inferred cookies are not proof of a violation");
        assertTrue(inferred.get("evidence").toString().contains("G-QTEST1"), inferred.get("evidence").toString());
        assertEquals("observed", cookie(scan, "_ga").get("found"), "observed wins over inferred for the same cookie");
        assertEquals("observed", cookie(scan, "_fbp").get("found"),
                "the pixel's inferred _fbp on the site's domain is the one the shop's response set");

        assertNotNull(cookie(scan, "csrftoken"), "the sitemap's page was crawled");
        assertNotNull(cookie(scan, "feed_pref"), "a non-HTML response's cookies count");
        assertEquals(0, site.hits("/private/area"));
        assertTrue(errorKinds(scan).contains("robots_disallowed"));
        assertTrue(errorKinds(scan).contains("timeout"), "the slow page hit the 1 s limit");
        assertTrue(errorKinds(scan).contains("redirect_loop"));
        assertTrue(errorKinds(scan).contains("too_large"), "the page is over the 64 KiB test limit");
        assertNotNull(cookie(scan, "big_seen"), "an oversized page's cookies still count");
        assertEquals(0, site.hits("/after-big"));
        assertTrue(scan.getList("results.errors.findAll { it.kind == 'refused_address' }.url")
                .contains("http://10.1.1.1/admin"), "a redirect to a private address is refused: " + scan.getList(
                        "results.errors"));
        assertTrue(scan.getList("results.errors.findAll { it.kind == 'refused_address' }.url")
                .contains("https://10.1.1.1/robots.txt"), "so is the private domain itself");
        assertTrue(scan.getList("results.trackers.tracker").containsAll(List.of("google-analytics-4", "meta-pixel")));
        assertTrue(scan.getList("results.trackers.hosts.flatten()").contains("connect.facebook.net"));
        assertEquals(false, cookie(scan, "csrftoken").get("violation"));
        List<Boolean> flags = scan.getList("results.cookies.violation");
        assertEquals(flags.stream().filter(Boolean::booleanValue).count(), scan.getInt("results.summary.violations"));
        assertEquals(scan.getList("results.cookies").size(), scan.getList("diff.new").size(),
                "a first scan: every cookie is new");
        assertNull(scan.get("diff.previousScanId"));

        withKey(key).get("/api/v1/sites/" + siteId + "/scans/latest").then().statusCode(200)
                .body("id", equalTo(scanId));
        withKey(key).get("/api/v1/sites/" + siteId + "/scans").then().statusCode(200)
                .body("[0].id", equalTo(scanId)).body("[0].progress.pagesDone", equalTo(scan.getInt(
                        "progress.pagesDone")));

        JsonPath banner = given().get("/api/v1/sites/" + siteId + "/banner").then().statusCode(200)
                .extract().jsonPath();
        assertNotEquals(created.getString("bannerVersion"), banner.getString("version"),
                "the scan's cookie lists make a new banner version");
        assertTrue(banner.getList("categories.find { it.key == 'analytical' }.cookies.name").contains("_ga"));
        assertTrue(banner.getList("categories.find { it.key == 'functional' }.cookies.name").contains("PHPSESSID"));
        assertTrue(banner.getList("trackerHosts.marketing").contains("connect.facebook.net"));
        assertNotNull(banner.getString("lastScan"));
    }

    @Test
    void shouldLetTheOwnersOverrideWinAndUndoIt() {
        JsonPath created = createFixtureSite("Overrides");
        String siteId = created.getString("id");
        String key = created.getString("apiKey");
        Scans.awaitFinished(worker, siteId, Scans.request(siteId, key), key);
        String versionBefore = given().get("/api/v1/sites/" + siteId + "/banner").then().extract().path("version");

        withKey(key).body(Map.of("category", "functional")).put("/api/v1/sites/" + siteId + "/cookies/_ga").then()
                .statusCode(200).body("name", equalTo("_ga")).body("category", equalTo("functional"));

        JsonPath latest = withKey(key).get("/api/v1/sites/" + siteId + "/scans/latest").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> ga = cookie(latest, "_ga");
        assertEquals("functional", ga.get("category"));
        assertEquals("override", ga.get("source"));
        assertEquals(false, ga.get("violation"), "a functional cookie needs no consent");
        JsonPath banner = given().get("/api/v1/sites/" + siteId + "/banner").then().extract().jsonPath();
        assertNotEquals(versionBefore, banner.getString("version"));
        assertTrue(banner.getList("categories.find { it.key == 'functional' }.cookies.name").contains("_ga"));
        assertFalse(banner.getList("categories.find { it.key == 'analytical' }.cookies.name").contains("_ga"));
        withKey(key).get("/api/v1/sites/" + siteId + "/cookies").then().statusCode(200)
                .body("overrides._ga", equalTo("functional"));

        withKey(key).delete("/api/v1/sites/" + siteId + "/cookies/_ga").then().statusCode(204);
        assertEquals("analytical", cookie(withKey(key).get("/api/v1/sites/" + siteId + "/scans/latest").then()
                .extract().jsonPath(), "_ga").get("category"));
        assertEquals(versionBefore, given().get("/api/v1/sites/" + siteId + "/banner").then().extract()
                .path("version"), "the same lists give the same version back");
        withKey(key).delete("/api/v1/sites/" + siteId + "/cookies/_ga").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRejectBadOverridesAndStrangers() {
        JsonPath created = createFixtureSite("Strict");
        String siteId = created.getString("id");
        String key = created.getString("apiKey");
        withKey(key).body(Map.of("category", "tasty")).put("/api/v1/sites/" + siteId + "/cookies/x").then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("functional"));
        withKey(key).body(Map.of("category", "unclassified")).put("/api/v1/sites/" + siteId + "/cookies/x").then()
                .statusCode(400);
        withKey(key).body("{}").put("/api/v1/sites/" + siteId + "/cookies/x").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("category", "functional"))
                .put("/api/v1/sites/" + siteId + "/cookies/x").then().statusCode(401);
        given().post("/api/v1/sites/" + siteId + "/scans").then().statusCode(401);
        JsonPath other = createSite("Other", "other-scan.test");
        withKey(other.getString("apiKey")).post("/api/v1/sites/" + siteId + "/scans").then().statusCode(403);
        asOperator().get("/api/v1/sites/" + siteId + "/scans/latest").then().statusCode(404)
                .contentType("application/problem+json");
        asOperator().get("/api/v1/sites/" + siteId + "/scans/" + java.util.UUID.randomUUID()).then().statusCode(404);
        asOperator().post("/api/v1/sites/" + java.util.UUID.randomUUID() + "/scans").then().statusCode(404);
    }

    @Test
    void shouldReportNewGoneAndRecategorisedCookiesBetweenScans() {
        JsonPath created = createFixtureSite("Diffs");
        String siteId = created.getString("id");
        String key = created.getString("apiKey");
        cookiesOnShop.add("zq_pref_77=1; Path=/");
        JsonPath first = Scans.awaitFinished(worker, siteId, Scans.request(siteId, key), key);
        String firstCategory = cookie(first, "zq_pref_77").get("category").toString();
        String owners = firstCategory.equals("functional") ? "marketing" : "functional";
        withKey(key).body(Map.of("category", owners)).put("/api/v1/sites/" + siteId + "/cookies/zq_pref_77").then()
                .statusCode(200);
        cookiesOnShop.removeIf(c -> c.startsWith("promo_seen="));
        cookiesOnShop.add("_uetvid=abc; Max-Age=33696000; Path=/");

        JsonPath second = Scans.awaitFinished(worker, siteId, Scans.request(siteId, key), key);

        assertEquals(first.getString("id"), second.getString("diff.previousScanId"));
        assertEquals(List.of("_uetvid"), second.getList("diff.new.name"));
        assertEquals(List.of("promo_seen"), second.getList("diff.gone.name"));
        assertEquals(List.of(Map.of("name", "zq_pref_77", "domain", "127.0.0.1", "from", firstCategory, "to", owners)),
                second.getList("diff.categoryChanges"));
    }

    @Test
    void shouldRefuseToScanAddressesThatAreNotAllowed() {
        JsonPath created = createSite("Intranet", "10.0.0.7", "169.254.169.254");
        String siteId = created.getString("id");
        String key = created.getString("apiKey");
        JsonPath scan = Scans.awaitFinished(worker, siteId, Scans.request(siteId, key), key);
        assertEquals("failed", scan.getString("status"), "nothing could be read: no clean bill of health");
        assertEquals("blocked_address", scan.getString("failureKind"));
        assertTrue(scan.getString("failure").contains("akkoord.scan.allow-hosts"), scan.getString("failure"));
        assertEquals(0, scan.getList("results.pages").size());
        assertEquals(List.of("refused_address", "refused_address"), scan.getList("results.errors.kind"));
    }

    @Test
    void shouldFailAScanOfASiteThatWentAwayAndKeepItsLastGoodCookieList() throws Exception {
        JsonPath created = createFixtureSite("Going away");
        String siteId = created.getString("id");
        String key = created.getString("apiKey");
        JsonPath good = Scans.awaitFinished(worker, siteId, Scans.request(siteId, key), key);
        assertNotEquals("failed", good.getString("status"));
        JsonPath bannerBefore = given().get("/api/v1/sites/" + siteId + "/banner").then().statusCode(200).extract()
                .jsonPath();
        assertTrue(bannerBefore.getList("categories.find { it.key == 'marketing' }.cookies.name").contains("_fbp"),
                bannerBefore.prettify());

        site.close(); // the port now refuses connections

        JsonPath failed = Scans.awaitFinished(worker, siteId, Scans.request(siteId, key), key);
        assertEquals("failed", failed.getString("status"));
        assertEquals("unreachable", failed.getString("failureKind"));
        assertTrue(failed.getString("failure").startsWith("127.0.0.1:" + site.port() + " could not be reached ("),
                failed.getString("failure"));
        assertNull(failed.get("diff"), "a failed scan changes no list");
        assertEquals(List.of("connection"), failed.getList("results.errors.kind"));

        JsonPath latest = withKey(key).get("/api/v1/sites/" + siteId + "/scans/latest").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(failed.getString("id"), latest.getString("id"), "the latest scan is the failed one, as it is");
        JsonPath bannerAfter = given().get("/api/v1/sites/" + siteId + "/banner").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(bannerBefore.getString("version"), bannerAfter.getString("version"));
        assertEquals(bannerBefore.getList("categories"), bannerAfter.getList("categories"), "the last good list stays");
        assertEquals(bannerBefore.getString("lastScan"), bannerAfter.getString("lastScan"));

        site = new FixtureServer(vertx.getDelegate()); // for @AfterEach
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cookie(JsonPath scan, String name) {
        List<Map<String, Object>> cookies = scan.getList("results.cookies");
        return cookies.stream().filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + cookies));
    }

    private static List<String> errorKinds(JsonPath scan) {
        return scan.getList("results.errors.kind");
    }
}
