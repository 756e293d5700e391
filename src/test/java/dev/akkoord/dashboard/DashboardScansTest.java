package dev.akkoord.dashboard;

import static dev.akkoord.testsupport.Api.createSite;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.akkoord.scan.ScanWorker;
import dev.akkoord.scan.crawl.FixtureServer;
import dev.akkoord.testsupport.ExternalServersToo;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.core.Vertx;

/** Scan now with progress, the latest scan's cookies with violations, and an override reaching the banner. */
@QuarkusTest
@ExternalServersToo
class DashboardScansTest {

    private static Vertx vertx;
    private static FixtureServer site;

    @Inject
    ScanWorker worker;

    @BeforeAll
    static void serveFixtureSite() throws Exception {
        vertx = Vertx.vertx();
        site = new FixtureServer(vertx.getDelegate());
        site.page("/", "<html><body><a href=\"/blog\">Blog</a></body></html>", "PHPSESSID=s1; Path=/; HttpOnly");
        site.page("/blog", "<html><body><a href=\"/\">Home</a></body></html>",
                "_ga=GA1.1.1.1; Max-Age=63072000; Path=/");
    }

    @AfterAll
    static void stopFixtureSite() throws Exception {
        site.close();
        vertx.closeAndAwait();
    }

    @Test
    void shouldSayASiteThatCannotBeReachedWasNotScannedInsteadOfShowingNoCookies() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String siteId = createSite("Unreachable " + System.nanoTime(), "127.0.0.1:" + closedPort).getString("id");
        String base = "/dashboard/sites/" + siteId;
        DashboardClient operator = DashboardClient.operator();
        String location = operator.post(base + "/scans", Map.of()).then().statusCode(303).extract().header("Location");
        JsonPath progress = awaitFinished(operator, base + "/scans/" + location.substring(location.indexOf('=') + 1)
                + "/progress");
        assertEquals("failed", progress.getString("status"));
        assertTrue(progress.getString("error").contains("could not be reached"), progress.prettify());

        String scanPage = operator.get(base + "/scans/" + location.substring(location.indexOf('=') + 1)).then()
                .statusCode(200).extract().asString();
        assertTrue(scanPage.contains("<span class=\"badge bad\">failed</span><br><span class=\"hint\">127.0.0.1:"
                + closedPort + " could not be reached"), scanPage);
        assertTrue(scanPage.contains("None: no page of the site could be read."), scanPage);
        assertTrue(scanPage.contains("<th scope=\"row\">connection</th>"), scanPage);
        String otherSite = createSite("Other " + System.nanoTime(), "other.example.test").getString("id");
        operator.get("/dashboard/sites/" + otherSite + "/scans/" + location.substring(location.indexOf('=') + 1))
                .then().statusCode(404);

        String cookies = operator.get(base + "/cookies").then().statusCode(200).extract().asString();
        assertTrue(cookies.contains("<div class=\"alert\" id=\"scan-trouble\" role=\"alert\" data-kind=\"unreachable\">"),
                cookies);
        assertTrue(cookies.contains("The latest scan failed"), cookies);
        assertTrue(cookies.contains("this is\n    not a sign that the site sets none"), cookies);
        // The failure box says why no cookie is known; "No cookies known yet" alone would read as a clean site.
        assertFalse(cookies.contains("No cookies known yet"), cookies);
        assertEquals("bad failed", tile(operator.get(base).then().statusCode(200).extract().asString(), "last-scan"));
        String sites = operator.get("/dashboard/sites").then().statusCode(200).extract().asString();
        assertTrue(Pattern.compile("<tr class=\"violation\">\\s*<th scope=\"row\"><a href=\"" + base + "\">[^<]*</a></th>"
                + "\\s*<td[^>]*>[^<]*</td>\\s*<td data-label=\"Last scan\" class=\"last-scan\"><span class=\"badge bad\">"
                + "failed</span>").matcher(sites).find(), "the operators' list of sites shows the failure: " + sites);
        String scans = operator.get(base + "/scans").then().statusCode(200).extract().asString();
        assertTrue(scans.contains("<span class=\"badge bad\">failed</span>"), scans);
        assertTrue(scans.contains("the cookie list stays as it was"), scans);
    }

    @Test
    void shouldScanNowWithProgressShowCookiesAndApplyAnOverrideToTheBanner() {
        JsonPath created = createSite("Scanned " + System.nanoTime(), "127.0.0.1:" + site.port());
        String siteId = created.getString("id");
        String base = "/dashboard/sites/" + siteId;
        DashboardClient operator = DashboardClient.operator();
        operator.get(base + "/cookies").then().statusCode(200).body(containsString("has not been scanned yet"));

        String location = operator.post(base + "/scans", Map.of()).then().statusCode(303).extract().header("Location");
        Matcher scan = Pattern.compile("/scans\\?scan=([0-9a-f-]{36})$").matcher(location);
        assertTrue(scan.find(), location);
        String progressUrl = base + "/scans/" + scan.group(1) + "/progress";
        operator.get(base + "/scans?scan=" + scan.group(1)).then().statusCode(200)
                .body(containsString("data-url=\"" + progressUrl + "\""));
        JsonPath progress = awaitFinished(operator, progressUrl);
        assertEquals("done", progress.getString("status"));
        assertEquals(100, progress.getInt("percent"));
        assertEquals(2, progress.getInt("pagesDone"));

        String scanPage = operator.get(base + "/scans/" + scan.group(1)).then().statusCode(200).extract().asString();
        assertEquals(2, scanPage.split("<td data-label=\"Answer\">HTTP 200</td>", -1).length - 1, scanPage);
        assertTrue(scanPage.contains("<code>_ga</code> <span class=\"hint\">127.0.0.1</span> <span class=\"badge "
                + "bad\">without consent</span>"), scanPage);
        assertTrue(operator.get(base + "/scans").then().extract().asString()
                .contains("<a href=\"" + base + "/scans/" + scan.group(1) + "\">"), "the history links the scan");

        String overview = operator.get(base).then().statusCode(200).extract().asString();
        assertEquals("ok done", tile(overview, "last-scan"));
        assertEquals("bad 1", tile(overview, "before-consent"), "_ga, analytical, set before any choice");
        assertEquals("warn –", tile(overview, "after-reject"), "the tests scan without a browser: not checked");
        assertEquals("ok 0", tile(overview, "review"));
        assertEquals(" off", tile(overview, "next-scan"), "the test profile switches the daily scans off");
        assertEquals("bad not seen", tile(overview, "banner-seen"));
        assertEquals(" no decisions", tile(overview, "consent-rate"));
        // The operators' list of all sites says the same for this site, as the overview counts it.
        assertEquals(List.of("bad 1", "not checked", " 0"), tallies(operator, base));

        String cookies = operator.get(base + "/cookies").then().statusCode(200).extract().asString();
        assertTrue(cookies.contains("<tr class=\"violation\">\n    <th scope=\"row\"><code>_ga</code>"), cookies);
        assertTrue(cookies.contains("<span class=\"badge bad\">set before consent</span>"), cookies);
        assertTrue(cookies.contains("<div class=\"alert warning\" id=\"scan-method\">"),
                "the tests scan without a browser: the owner is warned that JavaScript cookies were not looked for");
        assertTrue(cookies.indexOf("<code>_ga</code>") < cookies.indexOf("<code>PHPSESSID</code>"),
                "violations come before the rest");
        operator.get(base + "/scans").then().body(containsString("New: <code>"));

        String before = given().get("/api/v1/sites/" + siteId + "/banner").then().extract().path("version");
        JsonPath config = given().get("/api/v1/sites/" + siteId + "/banner").then().extract().jsonPath();
        assertTrue(config.getList("categories.find { it.key == 'analytical' }.cookies.name").contains("_ga"));
        operator.post(base + "/cookies/override", Map.of("name", "_ga", "category", "functional")).then()
                .statusCode(303).header("Location", containsString("/cookies?saved=_ga"));
        JsonPath after = given().get("/api/v1/sites/" + siteId + "/banner").then().extract().jsonPath();
        assertNotEquals(before, after.getString("version"));
        List<String> functional = after.getList("categories.find { it.key == 'functional' }.cookies.name");
        assertTrue(functional.contains("_ga"), functional.toString());
        String overridden = operator.get(base + "/cookies").asString();
        assertTrue(overridden.contains("<span class=\"hint\">override, 100%</span>"), overridden);
        assertTrue(!overridden.contains("badge bad"), "a functional cookie is no violation");
        assertEquals(List.of(" 0", "not checked", " 0"), tallies(operator, base), "the owner's decision counts");
        // A functional cookie the owner calls marketing was set before consent too, on the overview and in the list.
        operator.post(base + "/cookies/override", Map.of("name", "PHPSESSID", "category", "marketing")).then()
                .statusCode(303);
        assertEquals("bad 1", tile(operator.get(base).then().statusCode(200).extract().asString(), "before-consent"));
        assertEquals(List.of("bad 1", "not checked", " 0"), tallies(operator, base));
    }

    /** The list of sites' counts for one site: set before consent, after reject, to review, as "<tone> <count>". */
    private static List<String> tallies(DashboardClient operator, String base) {
        String sites = operator.get("/dashboard/sites").then().statusCode(200).extract().asString();
        Matcher row = Pattern.compile("<a href=\"" + Pattern.quote(base) + "\">.*?</tr>", Pattern.DOTALL).matcher(sites);
        assertTrue(row.find(), sites);
        Matcher cell = Pattern.compile("<td data-label=\"[^\"]*\" class=\"tally( [a-z]+)?\">(?:<a [^>]*>([0-9]+)</a>|"
                + "<span class=\"hint\">(not checked)[^<]*</span>)").matcher(row.group());
        List<String> found = new ArrayList<>();
        while (cell.find()) {
            found.add(cell.group(3) != null ? cell.group(3)
                    : (cell.group(1) == null ? "" : cell.group(1).trim()) + " " + cell.group(2));
        }
        return found;
    }

    /** An overview tile as {@code "<tone> <value>"}. */
    private static String tile(String overview, String id) {
        Matcher tile = Pattern.compile("<li class=\"tile ([a-z]*)\" id=\"glance-" + id
                + "\">\\s*<a [^>]*><span class=\"tile-label\">[^<]*</span>\\s*<strong class=\"tile-value\">([^<]*)</strong>")
                .matcher(overview);
        assertTrue(tile.find(), "tile " + id + " in " + overview);
        return tile.group(1) + " " + tile.group(2);
    }

    private JsonPath awaitFinished(DashboardClient operator, String progressUrl) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            worker.poll().await().atMost(Duration.ofSeconds(10));
            JsonPath progress = operator.get(progressUrl).then().statusCode(200).extract().jsonPath();
            if (progress.getBoolean("finished")) {
                return progress;
            }
        }
        throw new AssertionError("the scan did not finish within 60 s");
    }
}
