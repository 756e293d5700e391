package dev.akkoord.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akkoord.classify.Category;
import dev.akkoord.classify.Classifier;
import dev.akkoord.scan.crawl.CookieSighting;
import dev.akkoord.scan.crawl.CrawlReport;
import dev.akkoord.scan.crawl.LoadedResource;
import dev.akkoord.scan.tracker.TrackerCatalog;
import dev.akkoord.scan.tracker.TrackerSighting;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The analysis with the real classifier and knowledge base. */
class ScanAnalyzerTest {

    private static final URI HOME = URI.create("https://www.shop.test/");
    private static final URI BLOG = URI.create("https://www.shop.test/blog");

    private static ScanAnalyzer analyzer;
    private static TrackerCatalog catalog;

    @BeforeAll
    static void loadClassifier() {
        analyzer = new ScanAnalyzer(Classifier.withDefaults());
        catalog = TrackerCatalog.bundled();
    }

    private static CookieSighting observed(String name, String domain, Long lifetime, URI page, URI setBy) {
        return new CookieSighting(name, domain, false, "/", lifetime == null ? null : Instant.now().plusSeconds(lifetime),
                lifetime, true, false, "Lax", !domain.endsWith("shop.test"), page, setBy);
    }

    private static CrawlReport report(List<CookieSighting> cookies, List<TrackerSighting> trackers,
            List<LoadedResource> hosts) {
        return new CrawlReport(List.of(HOME), List.of(), cookies, trackers, List.of(), 0, 0, hosts, false, java.util.Map.of());
    }

    private static ScanCookie find(ScanFindings findings, String name) {
        return findings.cookies().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + findings.cookies()));
    }

    @Test
    void shouldFlagObservedAnalyticalAndMarketingCookiesWithEvidence() {
        ScanFindings findings = analyzer.analyze(report(List.of(
                observed("_ga", "shop.test", 63_072_000L, BLOG, BLOG),
                observed("PHPSESSID", "www.shop.test", null, HOME, HOME),
                observed("IDE", "doubleclick.net", 33_696_000L, HOME, URI.create("https://ad.doubleclick.net/px"))),
                List.of(), List.of()), "static crawl", Map.of());

        ScanCookie ga = find(findings, "_ga");
        assertEquals(Category.ANALYTICAL, ga.category());
        assertTrue(ga.violation());
        assertTrue(ga.evidence().contains(BLOG.toString()) && ga.evidence().contains("before consent"), ga.evidence());
        assertEquals(ScanCookie.OBSERVED, ga.found());

        ScanCookie session = find(findings, "PHPSESSID");
        assertEquals(Category.FUNCTIONAL, session.category());
        assertFalse(session.violation());
        assertNull(session.lifetimeSeconds(), "a session cookie");

        ScanCookie ide = find(findings, "IDE");
        assertEquals(Category.MARKETING, ide.category());
        assertTrue(ide.violation());
        assertTrue(ide.thirdParty());
        assertTrue(ide.evidence().contains("while loading " + HOME), ide.evidence());
    }

    @Test
    void shouldInferTheCookiesOfTrackersFoundOnPages() {
        List<TrackerSighting> trackers = new ArrayList<>();
        trackers.addAll(catalog.inSnippet(HOME, "gtag('config', 'G-ZZ99'); _hjSettings={hjid:1234,hjsv:6};"));
        trackers.addAll(catalog.inResource(HOME, "frame", URI.create("https://www.youtube.com/embed/v")));
        ScanFindings findings = analyzer.analyze(report(List.of(observed("_ga", "shop.test", 60L, HOME, HOME)),
                trackers, List.of()), "static crawl", Map.of());

        ScanCookie ga4 = find(findings, "_ga_ZZ99");
        assertEquals(ScanCookie.INFERRED, ga4.found());
        assertEquals("shop.test", ga4.domain(), "first-party JavaScript cookies sit on the site's registrable domain");
        assertEquals(Category.ANALYTICAL, ga4.category());
        assertFalse(ga4.violation(), "inferred cookies are findings, not proof");
        assertNull(ga4.setBy());
        assertTrue(ga4.evidence().contains("gtag('config', 'G-ZZ99')") && ga4.evidence().contains(HOME.toString()),
                ga4.evidence());
        assertEquals(ScanCookie.OBSERVED, find(findings, "_ga").found(), "an observed cookie is not replaced");
        assertEquals(ScanCookie.INFERRED, find(findings, "_hjSessionUser_1234").found());
        ScanCookie youtube = find(findings, "VISITOR_INFO1_LIVE");
        assertEquals("youtube.com", youtube.domain());
        assertTrue(youtube.thirdParty());
        assertEquals(Category.MARKETING, youtube.category());
        assertEquals(1, findings.cookies().stream().filter(c -> c.name().equals("_ga")).count());
    }

    @Test
    void shouldLetOverridesWinOverEveryLayer() {
        ScanFindings findings = analyzer.analyze(report(List.of(observed("_ga", "shop.test", 60L, HOME, HOME)),
                List.of(), List.of()), "static crawl", Map.of("_GA", Category.FUNCTIONAL));
        ScanCookie ga = find(findings, "_ga");
        assertEquals(Category.FUNCTIONAL, ga.category());
        assertEquals("override", ga.source());
        assertFalse(ga.violation());
    }

    @Test
    void shouldListTrackerHostsToBlock() {
        List<TrackerSighting> trackers = catalog.inResource(HOME, "script",
                URI.create("https://connect.facebook.net/en_US/fbevents.js"));
        ScanFindings findings = analyzer.analyze(report(List.of(), trackers, List.of(
                new LoadedResource("connect.facebook.net", URI.create("https://connect.facebook.net/x.js"), "script", HOME),
                new LoadedResource("static.criteo.net", URI.create("https://static.criteo.net/js/ld.js"), "script", HOME),
                new LoadedResource("cdn.jsdelivr.net", URI.create("https://cdn.jsdelivr.net/lib.js"), "script", HOME))),
                "static crawl", Map.of());

        assertEquals(List.of("meta-pixel", "host:static.criteo.net"),
                findings.trackers().stream().map(ScanTracker::tracker).toList(),
                "catalogue trackers, then hosts the classifier knows; a plain CDN is no tracker");
        assertTrue(findings.trackers().get(0).hosts().contains("connect.facebook.net"));
        assertEquals("marketing", findings.trackers().get(1).category());
    }

    @Test
    void shouldInferKnowledgeBaseCookiesForVendorHostsOutsideTheCatalogue() {
        ScanFindings findings = analyzer.analyze(report(List.of(), List.of(), List.of(new LoadedResource(
                "api-js.mixpanel.com", URI.create("https://api-js.mixpanel.com/lib.min.js"), "script", HOME))), "static crawl", Map.of());

        assertEquals(List.of("host:api-js.mixpanel.com"), findings.trackers().stream().map(ScanTracker::tracker).toList());
        ScanCookie mixpanel = find(findings, "mp_*");
        assertEquals(ScanCookie.INFERRED, mixpanel.found());
        assertEquals("shop.test", mixpanel.domain(), "a script-written cookie sits on the site");
        assertEquals(Category.ANALYTICAL, mixpanel.category());
        assertTrue(mixpanel.evidence().contains("https://api-js.mixpanel.com/lib.min.js"), mixpanel.evidence());
    }
}
