package dev.akkoord.scan.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackerCatalogTest {

    private static final TrackerCatalog CATALOG = TrackerCatalog.bundled();
    private static final URI PAGE = URI.create("https://shop.test/");

    private static List<String> keys(List<TrackerSighting> sightings) {
        return sightings.stream().map(s -> s.signature().key() + ":" + s.accountId()).toList();
    }

    @Test
    void shouldFindSnippetsWithTheirAccountIds() {
        String code = """
                gtag('config', 'G-AB12CD34'); gtag("config", "AW-998877");
                fbq('init', '123456789012'); hj.q=[];_hjSettings={hjid:3210987,hjsv:6};
                ttq.load('C9ABCDEF'); var _paq = _paq || []; _paq.push(['setSiteId', '7']);
                """;
        List<String> found = keys(CATALOG.inSnippet(PAGE, code));
        assertTrue(found.containsAll(List.of("google-analytics-4:AB12CD34", "google-ads:998877",
                "meta-pixel:123456789012", "hotjar:3210987", "tiktok-pixel:C9ABCDEF", "matomo:7")), found.toString());
    }

    @Test
    void shouldKeepTheSnippetAsEvidence() {
        TrackerSighting sighting = CATALOG.inSnippet(PAGE, "x(); fbq('init', '42'); y();").get(0);
        assertEquals("fbq('init', '42')", sighting.evidence());
        assertEquals("snippet", sighting.via());
        assertNull(sighting.host());
        assertTrue(sighting.describe().contains("https://shop.test/"));
    }

    @Test
    void shouldFindTrackersByResourceHostAndUrl() {
        assertEquals(List.of("google-analytics-4:XYZ1"), keys(CATALOG.inResource(PAGE, "script",
                URI.create("https://www.googletagmanager.com/gtag/js?id=G-XYZ1"))));
        assertEquals(List.of("meta-pixel:null"), keys(CATALOG.inResource(PAGE, "script",
                URI.create("https://connect.facebook.net/en_US/fbevents.js"))));
        assertEquals(List.of("youtube-embed:null"), keys(CATALOG.inResource(PAGE, "frame",
                URI.create("https://www.youtube.com/embed/xyz"))));
        assertTrue(CATALOG.inResource(PAGE, "script", URI.create("https://cdn.shop.test/app.js")).isEmpty());
        assertTrue(CATALOG.inResource(PAGE, "frame", URI.create("https://www.youtube-nocookie.com/embed/x")).isEmpty(),
                "youtube-nocookie.com is not youtube.com");
    }

    @Test
    void shouldNameInferredCookiesWithTheAccountId() {
        TrackerSignature hotjar = CATALOG.signatures().stream().filter(s -> s.key().equals("hotjar")).findFirst()
                .orElseThrow();
        assertEquals(List.of("_hjSessionUser_99", "_hjSession_99"),
                hotjar.cookies().stream().map(c -> c.nameFor("99")).toList());
        assertNull(hotjar.cookies().get(0).nameFor(null), "without an id the name is unknown");
    }
}
