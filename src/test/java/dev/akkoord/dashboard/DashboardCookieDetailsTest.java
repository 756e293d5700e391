package dev.akkoord.dashboard;

import static dev.akkoord.testsupport.Api.createSite;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.akkoord.classify.Category;
import dev.akkoord.scan.BrowserFindings;
import dev.akkoord.scan.ScanBannerCookies;
import dev.akkoord.scan.ScanRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The owner's own purpose, vendor and retention per cookie on the Cookies page: saved through a form with its CSRF
 * token, shown to visitors in the banner, refused texts shown on the page in their row (never a server error), and
 * why the scanner decided shown to the owner only.
 */
@QuarkusTest
class DashboardCookieDetailsTest {

    private static final String ORIGIN = "http://details.test";
    private static final String NOTE = "Scanned in HeadlessChrome/140.";
    private static final String PURPOSE = "Counts visits so we know which pages help";

    @Inject
    ScanRepository scans;

    @Inject
    ScanBannerCookies bannerLists;

    private String scannedSite() throws Throwable {
        JsonPath created = createSite("Details " + System.nanoTime(), "details.test");
        String siteId = created.getString("id");
        StoredScans.save(scans, bannerLists, siteId, StoredScans.findings(ORIGIN, List.of("/"), List.of(
                StoredScans.seen("_ga", Category.ANALYTICAL, "Google Analytics", "script", ORIGIN + "/ga.js",
                        ORIGIN + "/", List.of("accept"), StoredScans.Flags.ONLY_AFTER_ACCEPT),
                StoredScans.fromResponse("zq_cart_state", Category.FUNCTIONAL, ORIGIN + "/", false)),
                "No cookie that needs consent is set before consent.",
                new BrowserFindings(BrowserFindings.BROWSER, NOTE, List.of(), List.of())));
        return siteId;
    }

    @Test
    void shouldSaveTheOwnersWordsShowThemToVisitorsAndGiveTheScannersBack() throws Throwable {
        String siteId = scannedSite();
        String base = "/dashboard/sites/" + siteId;
        DashboardClient operator = DashboardClient.operator();
        String page = operator.get(base + "/cookies").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<summary>Edit details<span class=\"visually-hidden\"> of _ga</span></summary>"),
                page);
        assertTrue(page.contains("action=\"/dashboard/sites/" + siteId + "/cookies/details\""), page);
        assertTrue(page.contains("placeholder=\"Purpose of _ga\""),
                "the scanner's words stand while the field is empty");
        assertTrue(page.contains("<span class=\"hint reason\">Name rule zq_cart_state</span>"), page);
        assertFalse(purposeCells(page).contains("Name rule"), "the reason is not in the purpose column: " + page);
        String before = banner(siteId).getString("version");

        operator.post(base + "/cookies/details", Map.of("name", "_ga", "purpose", PURPOSE, "vendor", "Our stats",
                "retention", "13 months")).then().statusCode(303)
                .header("Location", endsWith(base + "/cookies?described=_ga"));
        JsonPath banner = banner(siteId);
        assertNotEquals(before, banner.getString("version"), "the owner's words make a new banner version");
        Map<String, Object> ga = bannerCookie(banner, "analytical", "_ga");
        assertEquals(PURPOSE, ga.get("purpose"));
        assertEquals("Our stats", ga.get("provider"));
        assertEquals("13 months", ga.get("lifetime"));
        String saved = operator.get(base + "/cookies?described=_ga").then().statusCode(200).extract().asString();
        assertTrue(saved.contains("Your details of <code>_ga</code> are saved"), saved);
        assertTrue(saved.contains("name=\"purpose\" maxlength=\"500\" value=\"" + PURPOSE + "\""), saved);
        assertTrue(saved.contains("<strong>Our stats</strong>"), "the table shows what visitors read: " + saved);

        // A category set afterwards keeps the words; empty fields give the scanner's back.
        operator.post(base + "/cookies/override", Map.of("name", "_ga", "category", "marketing")).then()
                .statusCode(303);
        assertEquals(PURPOSE, bannerCookie(banner(siteId), "marketing", "_ga").get("purpose"));
        operator.post(base + "/cookies/details", Map.of("name", "_ga", "purpose", "", "vendor", "", "retention", ""))
                .then().statusCode(303);
        ga = bannerCookie(banner(siteId), "marketing", "_ga");
        assertEquals("Purpose of _ga", ga.get("purpose"));
        assertEquals("Google Analytics", ga.get("provider"));
        assertEquals("1 year", ga.get("lifetime"));
    }

    @Test
    void shouldShowRefusedTextsOnThePageAndKeepWhatIsSaved() throws Throwable {
        String siteId = scannedSite();
        String base = "/dashboard/sites/" + siteId;
        DashboardClient operator = DashboardClient.operator();
        operator.post(base + "/cookies/details", Map.of("name", "_ga", "purpose", PURPOSE, "vendor", "",
                "retention", "")).then().statusCode(303);
        String version = banner(siteId).getString("version");

        String tooLong = "x".repeat(501);
        String refused = operator.post(base + "/cookies/details", Map.of("name", "_ga", "purpose", tooLong,
                "vendor", "Our <b>stats</b>", "retention", "")).then().statusCode(400)
                .contentType(containsString("text/html")).extract().asString();
        assertTrue(refused.contains("<p class=\"alert\" role=\"alert\">Your details were not saved: &#39;purpose&#39; "
                + "must be at most 500 characters</p>"), refused);
        assertTrue(refused.contains("<details class=\"cookie-details\" open>"), "the row's form is open: " + refused);
        assertTrue(refused.contains("value=\"" + tooLong + "\""), "with the text sent, to correct it");
        assertTrue(refused.contains("value=\"Our &lt;b&gt;stats&lt;/b&gt;\""), "escaped: " + refused);
        operator.post(base + "/cookies/details", Map.of("name", "_ga", "purpose", "Two\nlines", "vendor", "",
                "retention", "")).then().statusCode(400).body(containsString("without control characters"));
        operator.post(base + "/cookies/details", Map.of("name", "n".repeat(257), "purpose", "Fine")).then()
                .statusCode(400).body(containsString("The cookie name must be 1 to 256 characters"));
        operator.post(base + "/cookies/details", Map.of("name", "_ga")).then().statusCode(400)
                .body(containsString("at least one"));
        operator.postWithoutCsrf(base + "/cookies/details", Map.of("name", "_ga", "purpose", "Forged")).then()
                .statusCode(403);
        DashboardClient stranger = DashboardClient.owner();
        stranger.post(base + "/cookies/details", Map.of("name", "_ga", "purpose", "Not mine", "vendor", "",
                "retention", "")).then().statusCode(404);
        given().redirects().follow(false).formParam("name", "_ga").formParam("purpose", "Anonymous")
                .post(base + "/cookies/details").then().statusCode(401);

        assertEquals(version, banner(siteId).getString("version"), "nothing refused reached the banner");
        assertEquals(PURPOSE, bannerCookie(banner(siteId), "analytical", "_ga").get("purpose"));
    }

    @Test
    void shouldLetOwnersDescribeDeclaredCookiesBeforeAnyScan() {
        String siteId = createSite("Declared " + UUID.randomUUID(), "declared-details.test").getString("id");
        String base = "/dashboard/sites/" + siteId;
        DashboardClient operator = DashboardClient.operator();
        operator.post(base + "/cookies/override", Map.of("name", "_hjid", "category", "analytical")).then()
                .statusCode(303);
        assertTrue(operator.get(base + "/cookies").asString().contains("Edit details<span class=\"visually-hidden\"> "
                + "of _hjid</span>"));
        operator.post(base + "/cookies/details", Map.of("name", "_hjid", "purpose", "Tells visits apart for heatmaps",
                "vendor", "Hotjar", "retention", "1 year")).then().statusCode(303);
        Map<String, Object> hjid = bannerCookie(banner(siteId), "analytical", "_hjid");
        assertEquals("Tells visits apart for heatmaps", hjid.get("purpose"));
        assertEquals("Hotjar", hjid.get("provider"));
        assertEquals("1 year", hjid.get("lifetime"));
        String page = operator.get(base + "/cookies").asString();
        assertTrue(page.contains("value=\"Tells visits apart for heatmaps\""), page);
    }

    /** The text of the page's "Vendor and purpose" cells. */
    private static String purposeCells(String page) {
        StringBuilder cells = new StringBuilder();
        Matcher cell = Pattern.compile("<td data-label=\"(?:Vendor and purpose|Purpose)\">"
                + "([\\s\\S]*?)</td>").matcher(page);
        while (cell.find()) {
            cells.append(cell.group(1)).append('\n');
        }
        assertFalse(cells.isEmpty(), "the page has purpose cells");
        return cells.toString();
    }

    private static JsonPath banner(String siteId) {
        return given().get("/api/v1/sites/" + siteId + "/banner").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> bannerCookie(JsonPath banner, String category, String name) {
        List<Map<String, Object>> cookies = banner.getList("categories.find { it.key == '" + category + "' }.cookies");
        return cookies.stream().filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " among the " + category + " cookies: "
                        + cookies));
    }
}
