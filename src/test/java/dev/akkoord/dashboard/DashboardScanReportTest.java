package dev.akkoord.dashboard;

import static dev.akkoord.testsupport.Api.createSite;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.akkoord.classify.Category;
import dev.akkoord.scan.BrowserFindings;
import dev.akkoord.scan.ScanCookie;
import dev.akkoord.scan.ScanBannerCookies;
import dev.akkoord.scan.ScanRepository;
import dev.akkoord.scan.browser.Journey;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * What the owner reads of a scan on the Cookies and Scans pages: the headline, how the site was scanned (a warning
 * when JavaScript cookies were not looked for), who set each cookie and when, and each page of the browser pass.
 */
@QuarkusTest
class DashboardScanReportTest {

    private static final String ORIGIN = "http://shop.test";
    private static final List<String> ALL_JOURNEYS = List.of("no-decision", "reject", "accept", "gpc");
    private static final String STATIC_NOTE = "No Chromium was found: cookies set by JavaScript were not looked for. "
            + "Install Chromium (Debian: apt-get install chromium) or point AKKOORD_SCAN_BROWSER_PATH at it to scan "
            + "as a real browser does.";
    private static final String WARNING = "Cookies set by JavaScript were not looked for";

    @Inject
    ScanRepository scans;

    @Inject
    ScanBannerCookies bannerLists;

    @Test
    void shouldWarnThatJavaScriptCookiesWereNotLookedForAfterAStaticScan() throws Throwable {
        String base = site("Static");
        StoredScans.save(scans, bannerLists, id(base), StoredScans.findings(ORIGIN, List.of("/", "/blog"),
                List.of(StoredScans.fromResponse("_ga", Category.ANALYTICAL, ORIGIN + "/blog", true)),
                "1 cookie that needs consent is set by the site's responses before consent. " + STATIC_NOTE,
                new BrowserFindings(BrowserFindings.STATIC, STATIC_NOTE, List.of(), List.of())));
        DashboardClient operator = DashboardClient.operator();

        for (String page : List.of(base + "/cookies", base + "/scans")) {
            String html = operator.get(page).then().statusCode(200).extract().asString();
            assertTrue(html.contains("<div class=\"alert warning\" id=\"scan-method\">"), page + ": " + html);
            assertTrue(html.contains(WARNING), page);
            assertTrue(html.contains("AKKOORD_SCAN_BROWSER_PATH"), "how to turn the browser on: " + page);
            assertTrue(html.contains("1 cookie that needs consent is set by the site&#39;s responses before consent."),
                    "the headline: " + page);
            assertTrue(html.indexOf("class=\"headline") < html.indexOf(WARNING), "the headline comes first: " + page);
        }
        String cookies = operator.get(base + "/cookies").asString();
        assertTrue(cookies.contains("<span class=\"badge bad\">set before consent</span>"), cookies);
        assertTrue(cookies.contains(setBy("Set-Cookie of", ORIGIN + "/blog", "/blog")), cookies);
        assertTrue(cookies.contains("<span class=\"hint reason\">Name rule _ga</span></td>"),
                "why the scanner decided, under the category: " + cookies);
    }

    @Test
    void shouldShowTheBrowserPassHeadlineSettersConsentFlagsAndPagesWithoutBanner() throws Throwable {
        String base = site("Browser");
        String headline = "2 analytical cookies are set before consent on 1 of 2 pages, by /lib/posthog.js. "
                + "1 tracker host is contacted without consent: www.google-analytics.com. <em>Loud</em>";
        BrowserFindings browser = new BrowserFindings(BrowserFindings.BROWSER,
                "Scanned in HeadlessChrome/140 with 4 journeys (no decision, reject, accept, Global Privacy Control).",
                List.of(StoredScans.page(ORIGIN + "/", true, List.of(Journey.values()), List.of("ph_session"), null,
                                "www.google-analytics.com", "cdn.fonts.example"),
                        StoredScans.page(ORIGIN + "/no-banner", false, List.of(Journey.NO_DECISION), List.of(), null,
                                "www.google-analytics.com"),
                        StoredScans.page(ORIGIN + "/slow", null, List.of(Journey.NO_DECISION), List.of(),
                                "the page did not load within 15 s")),
                List.of(new BrowserFindings.HostRequest("www.google-analytics.com", "before-consent",
                                "https://www.google-analytics.com/g/collect?v=2", ORIGIN + "/", 3, 2, "analytical",
                                "Google Analytics", true),
                        new BrowserFindings.HostRequest("cdn.fonts.example", "after-accept",
                                "https://cdn.fonts.example/font.woff2", ORIGIN + "/", 1, 1, null, null, false)));
        List<ScanCookie> cookies = List.of(
                StoredScans.seen("ph_phc_key_posthog", Category.ANALYTICAL, "PostHog", "script",
                        ORIGIN + "/lib/posthog.js?v=3", ORIGIN + "/", ALL_JOURNEYS,
                        StoredScans.Flags.WITHOUT_CONSENT_EVERYWHERE),
                StoredScans.seen("shop_consented", Category.ANALYTICAL, null, "script",
                        ORIGIN + "/js/after-consent.js", ORIGIN + "/", List.of("accept"),
                        StoredScans.Flags.ONLY_AFTER_ACCEPT),
                StoredScans.seen("_fbp", Category.MARKETING, "Meta", "script",
                        "https://connect.facebook.net/en_US/fbevents.js", ORIGIN + "/", List.of("no-decision"),
                        new StoredScans.Flags(true, false, false, false)),
                StoredScans.seen("shop_session", Category.FUNCTIONAL, null, "http", ORIGIN + "/", ORIGIN + "/",
                        ALL_JOURNEYS, StoredScans.Flags.WITHOUT_CONSENT_EVERYWHERE),
                StoredScans.seen("shop_inline", Category.FUNCTIONAL, null, "script", ORIGIN + "/", ORIGIN + "/",
                        List.of("no-decision"), new StoredScans.Flags(true, false, false, false)),
                StoredScans.seen("x<b>boom</b>", Category.FUNCTIONAL, null, "unknown", null, ORIGIN + "/",
                        List.of("no-decision"), new StoredScans.Flags(true, false, false, false)));
        StoredScans.save(scans, bannerLists, id(base), StoredScans.findings(ORIGIN, List.of("/", "/no-banner", "/slow"),
                cookies, headline, browser));
        DashboardClient operator = DashboardClient.operator();

        String page = operator.get(base + "/cookies").then().statusCode(200).extract().asString();
        assertTrue(page.contains("2 analytical cookies are set before consent on 1 of 2 pages, by /lib/posthog.js."),
                page);
        assertTrue(page.contains("&lt;em&gt;Loud&lt;/em&gt;") && !page.contains("<em>Loud"), "escaped: " + page);
        assertFalse(page.contains(WARNING), "no warning after a browser scan");
        assertTrue(page.contains("Scanned in HeadlessChrome/140"), "which browser");
        String posthog = row(page, "ph_phc_key_posthog");
        assertTrue(posthog.contains(setBy("Script", ORIGIN + "/lib/posthog.js?v=3", "/lib/posthog.js")),
                "a script on the site is shown by its path: " + posthog);
        for (String flag : List.of("set before consent", "set after reject", "set under GPC")) {
            assertTrue(posthog.contains("<span class=\"badge bad\">" + flag + "</span>"), flag + ": " + posthog);
        }
        assertTrue(posthog.contains("no decision, Reject all, Accept all, GPC"), "journeys: " + posthog);
        String consented = row(page, "shop_consented");
        assertTrue(consented.contains("<span class=\"badge ok\">only after accept</span>"), consented);
        assertFalse(consented.contains("set before consent"), consented);
        assertTrue(consented.contains("Accept all") && !consented.contains("no decision"), consented);
        assertTrue(row(page, "_fbp").contains(setBy("Script", "https://connect.facebook.net/en_US/fbevents.js",
                "connect.facebook.net/en_US/fbevents.js")), "another host keeps its host");
        String session = row(page, "shop_session");
        assertTrue(session.contains(setBy("Set-Cookie of", ORIGIN + "/", "/")), session);
        assertTrue(session.contains("<span class=\"badge neutral\">set before consent</span>"),
                "a functional cookie may be set before consent: not a violation: " + session);
        assertTrue(row(page, "shop_inline").contains("Inline script on <code"), "inline");
        String hostile = row(page, "x&lt;b&gt;boom&lt;/b&gt;");
        assertTrue(hostile.contains("Not seen being written"), hostile);
        assertFalse(page.contains("x<b>boom"), "a cookie name is text");

        String report = operator.get(base + "/scans").then().statusCode(200).extract().asString();
        assertTrue(report.contains("1 tracker host is contacted without consent: www.google-analytics.com."), report);
        String noBanner = row(report, "/no-banner");
        assertTrue(noBanner.contains("<span class=\"badge bad\">banner missing</span>"), noBanner);
        assertTrue(noBanner.contains("no decision") && !noBanner.contains("Reject all"), noBanner);
        assertTrue(noBanner.contains("<code>www.google-analytics.com</code>"), "a tracker on a second page: " + noBanner);
        String home = row(report, "/");
        assertTrue(home.contains("<span class=\"badge ok\">banner shown</span>"), home);
        assertTrue(home.contains("no decision, Reject all, Accept all, GPC"), home);
        assertTrue(home.contains("www.google-analytics.com"), "the tracker its page contacted: " + home);
        assertTrue(!home.contains("cdn.fonts.example"), "an outside host that is no tracker is not listed: " + home);
        assertTrue(home.contains("ph_session"), "storage names: " + home);
        String slow = row(report, "/slow");
        assertTrue(slow.contains("the page did not load within 15 s") && slow.contains("not loaded"), slow);
        String tracker = row(report, "www.google-analytics.com");
        assertTrue(tracker.contains("<span class=\"badge bad\">before consent</span>"), tracker);
        assertTrue(tracker.contains("Google Analytics") && tracker.contains("on 2 pages"), tracker);
        String font = row(report, "cdn.fonts.example");
        assertTrue(font.contains("after Accept all") && !font.contains("badge bad"), font);
        assertTrue(report.indexOf("www.google-analytics.com</th>") < report.indexOf("cdn.fonts.example</th>"),
                "requests without consent first");

        // A cookie that only appears after "Accept all" is declared like any other.
        JsonPath banner = given().get("/api/v1/sites/" + id(base) + "/banner").then().statusCode(200).extract()
                .jsonPath();
        List<String> analytical = banner.getList("categories.find { it.key == 'analytical' }.cookies.name");
        assertTrue(analytical.contains("shop_consented"), analytical.toString());
    }

    private static String site(String name) {
        JsonPath created = createSite(name + " " + System.nanoTime(), "shop.test");
        return "/dashboard/sites/" + created.getString("id");
    }

    private static String id(String base) {
        return base.substring(base.lastIndexOf('/') + 1);
    }

    /** The "Set by" cell's text: how, then the address as shown with the full one in its title. */
    private static String setBy(String how, String url, String shown) {
        return how + " <code class=\"url\" title=\"" + url + "\">" + shown + "</code>";
    }

    /** The table row whose header cell is {@code name} (a cookie's or page's in code, a host's as text). */
    private static String row(String html, String name) {
        int header = html.indexOf("<th scope=\"row\"><code>" + name + "</code>");
        if (header < 0) {
            header = html.indexOf("<th scope=\"row\">" + name + "</th>");
        }
        assertTrue(header >= 0, "no row for " + name + " in " + html);
        return html.substring(html.lastIndexOf("<tr", header), html.indexOf("</tr>", header));
    }
}
