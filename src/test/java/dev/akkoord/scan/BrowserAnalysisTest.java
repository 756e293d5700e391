package dev.akkoord.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akkoord.classify.Category;
import dev.akkoord.classify.Classification;
import dev.akkoord.classify.Classifier;
import dev.akkoord.classify.CookieFacts;
import dev.akkoord.classify.KnowledgeBase;
import dev.akkoord.scan.browser.BrowserReport;
import dev.akkoord.scan.browser.Journey;
import dev.akkoord.scan.browser.Phase;
import dev.akkoord.scan.browser.Setter;
import dev.akkoord.scan.crawl.CrawlReport;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the browser saw, classified: setters as evidence, consent flags, and the owner's headline. */
class BrowserAnalysisTest {

    private static final URI HOME = URI.create("https://www.shop.test/");
    private static final URI PRODUCTS = URI.create("https://www.shop.test/products");
    private static final URI TRACKER_JS = URI.create("https://www.shop.test/lib/amp.js");

    private static ScanAnalyzer analyzer;

    @BeforeAll
    static void loadClassifier() {
        analyzer = new ScanAnalyzer(Classifier.withDefaults());
    }

    private static BrowserReport.Cookie cookie(String name, Setter setter, Set<Phase> phases, Set<URI> unconsented) {
        Set<Journey> journeys = phases.contains(Phase.AFTER_ACCEPT) && phases.size() == 1 ? Set.of(Journey.ACCEPT)
                : Set.of(Journey.NO_DECISION, Journey.ACCEPT);
        return new BrowserReport.Cookie(name, "www.shop.test", true, "/", null, 86_400L, false, false, "Lax", false,
                40, 24, "token", HOME, setter, journeys, phases, 2, unconsented);
    }

    private static ScanFindings analyze(List<BrowserReport.Cookie> cookies) {
        BrowserReport browser = new BrowserReport("Chrome/156", List.of(
                new BrowserReport.Page(HOME, HOME, 200, true, List.of(Journey.NO_DECISION), List.of(), List.of(),
                        List.of(), null, List.of()),
                new BrowserReport.Page(PRODUCTS, PRODUCTS, 200, false, List.of(Journey.NO_DECISION), List.of(),
                        List.of(), List.of(), null, List.of("px.ads.example"))),
                cookies, List.of(), List.of(), 2, false);
        CrawlReport crawl = new CrawlReport(List.of(HOME), List.of(), List.of(), List.of(), List.of(), 0, 0,
                List.of(), false, Map.of());
        return analyzer.analyze(crawl, browser, null, Map.of());
    }

    private static ScanCookie find(ScanFindings findings, String name) {
        return findings.cookies().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aScriptThatWritesAKnownAnalyticsCookieLendsItsCategoryToItsUnknownOnes() {
        Setter amp = new Setter(Setter.SCRIPT, TRACKER_JS);
        ScanFindings findings = analyze(List.of(
                cookie("_ga", amp, Set.of(Phase.BEFORE_CONSENT), Set.of(HOME, PRODUCTS)),
                cookie("qzx_vq_kk", amp, Set.of(Phase.BEFORE_CONSENT), Set.of(HOME)),
                cookie("qzx_other_state", new Setter(Setter.SCRIPT, URI.create("https://www.shop.test/js/own.js")),
                        Set.of(Phase.BEFORE_CONSENT), Set.of(HOME))));

        ScanCookie sibling = find(findings, "qzx_vq_kk");
        assertEquals(Category.ANALYTICAL, sibling.category());
        assertEquals("script", sibling.source());
        assertTrue(sibling.reason().contains("the script that also writes _ga"), sibling.reason());
        assertNull(sibling.purpose(), "the owner's reason is no purpose for visitors");
        assertTrue(sibling.violation(), "set before consent by an analytics script");
        assertNotEquals("script", find(findings, "qzx_other_state").source(), "another script lends nothing");
    }

    @Test
    void aScriptThePageHoldsBackGivesItsCookiesItsCategoryAndTheOwnerTheReason() {
        Setter gated = new Setter(Setter.SCRIPT, URI.create("https://www.shop.test/js/promo.js"), "marketing");
        ScanFindings findings = analyze(List.of(
                cookie("shop_cart_promo", gated, Set.of(Phase.AFTER_ACCEPT), Set.of()),
                cookie("_ga", gated, Set.of(Phase.AFTER_ACCEPT), Set.of())));

        ScanCookie cart = find(findings, "shop_cart_promo");
        assertEquals(Category.MARKETING, cart.category());
        assertEquals("Written by https://www.shop.test/js/promo.js, a script the page holds back until marketing "
                + "cookies are allowed", cart.reason());
        assertNull(cart.purpose(), "the cart rule's words were for a functional cookie");
        ScanCookie ga = find(findings, "_ga");
        assertEquals(Category.MARKETING, ga.category());
        assertNotNull(ga.purpose(), "what Google documents _ga does stays true");
        assertFalse(ga.purpose().contains("Written by"), ga.purpose());
    }

    @Test
    void theClassifierGetsTheValueShapeAndTheSettersUrl() {
        List<CookieFacts> asked = new CopyOnWriteArrayList<>();
        Classifier recording = new Classifier(KnowledgeBase.load(), Classifier.DEFAULT_MIN_CONFIDENCE) {
            @Override
            public Classification classify(CookieFacts facts, Map<String, Category> overrides) {
                asked.add(facts);
                return super.classify(facts, overrides);
            }
        };
        BrowserReport browser = new BrowserReport("Chrome/156", List.of(), List.of(
                cookie("ph_state", new Setter(Setter.SCRIPT, URI.create("https://www.shop.test/js/posthog.js")),
                        Set.of(Phase.BEFORE_CONSENT), Set.of(HOME)),
                cookie("unseen_writer", Setter.UNKNOWN, Set.of(Phase.BEFORE_CONSENT), Set.of(HOME))),
                List.of(), List.of(), 1, false);

        new BrowserAnalysis(recording).cookies(browser, Map.of());

        CookieFacts posthog = asked.stream().filter(f -> f.name().equals("ph_state")).findFirst().orElseThrow();
        assertEquals("token", posthog.valueShape());
        assertEquals("https://www.shop.test/js/posthog.js", posthog.setterUrl(), "a script on the site's own host too");
        assertNull(posthog.trackerHost(), "the site's own host is no tracker host");
        CookieFacts unseen = asked.stream().filter(f -> f.name().equals("unseen_writer")).findFirst().orElseThrow();
        assertEquals("token", unseen.valueShape());
        assertNull(unseen.setterUrl());
    }

    @Test
    void flagsFollowThePhasesAndTheHeadlineNamesTheSetters() {
        ScanFindings findings = analyze(List.of(
                cookie("_ga", new Setter(Setter.SCRIPT, TRACKER_JS), Set.of(Phase.BEFORE_CONSENT), Set.of(HOME, PRODUCTS)),
                cookie("_gcl_au", new Setter(Setter.SCRIPT, URI.create("https://www.shop.test/js/conv.js")),
                        Set.of(Phase.AFTER_REJECT), Set.of(HOME)),
                cookie("_fbp", new Setter(Setter.SCRIPT, URI.create("https://connect.facebook.net/en_US/fbevents.js")),
                        Set.of(Phase.AFTER_ACCEPT), Set.of()),
                cookie("PHPSESSID", new Setter(Setter.HTTP, HOME), Set.of(Phase.BEFORE_CONSENT), Set.of(HOME))));

        ScanCookie ga = find(findings, "_ga");
        assertTrue(ga.violation());
        assertTrue(ga.seen().setBeforeConsent());
        assertEquals(2, ga.seen().pagesWithoutConsent());
        assertTrue(ga.evidence().contains("Written by the script " + TRACKER_JS), ga.evidence());

        ScanCookie conversion = find(findings, "_gcl_au");
        assertTrue(conversion.violation());
        assertTrue(conversion.seen().setAfterReject());

        ScanCookie fbp = find(findings, "_fbp");
        assertFalse(fbp.violation(), "set only after accept: consented");
        assertTrue(fbp.seen().onlyAfterAccept());
        assertFalse(find(findings, "PHPSESSID").violation());

        assertEquals("browser", findings.browser().method());
        assertEquals("1 analytical cookie is set before consent on 2 of 2 pages, by /lib/amp.js. "
                + "1 marketing cookie is set even after \u201cReject all\u201d, by /js/conv.js. "
                + "The banner did not show on 1 of 2 pages.", findings.headline());
    }
}
