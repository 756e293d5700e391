package dev.akkoord.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The vendor layer on a small table of our own, so that each rule can be seen to hold (and to fail). */
class VendorLayerTest {

    private static final String HEADER = VendorTable.HEADER;

    private static VendorTable table(String... rows) {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        lines.addAll(List.of(rows));
        return new VendorTable(VendorTable.parse("test", lines));
    }

    private static final VendorTable TABLE = table(
            "Hotjar,session-recording,analytical,hotjar.com|hotjar.io,_hjSessionUser_*|_hjSession_*,"
                    + "Records visits.,1 year,https://help.hotjar.com/",
            "PostHog,analytics,analytical,posthog.com|i.posthog.com,ph_*_posthog,Counts visits.,1 year,"
                    + "https://posthog.com/docs",
            "Meta Pixel,advertising,marketing,connect.facebook.net|facebook.com,_fbp|_fbc|fr,Ads.,90 days,"
                    + "https://www.facebook.com/policies/cookies/",
            "Shopify,ecommerce,functional,shopify.com|myshopify.com,cart|secure_customer_sig,Keeps the cart.,"
                    + "2 weeks,https://www.shopify.com/legal/cookies",
            "Shopify,ecommerce,analytical,shopify.com|myshopify.com,_shopify_y|_shopify_s,Counts visits.,1 year,"
                    + "https://www.shopify.com/legal/cookies");

    private static Evidence evidence(CookieFacts facts) {
        return new Evidence(facts, TABLE, ThirdPartyHosts.load());
    }

    private static Classification byName(CookieFacts facts) {
        return new VendorLayer(TABLE).byName(new CookieName(facts.name()), evidence(facts)).orElse(null);
    }

    @Test
    void patternsMatchIdsAndKeysButNeedAtLeastOneCharacterForAStar() {
        NamePattern posthog = NamePattern.of("ph_*_posthog");
        assertTrue(posthog.matches("ph_phc_xk2bq9rt4vlmn8pw1syz7acd3efghijk_posthog"));
        assertFalse(posthog.matches("ph__posthog"));
        assertFalse(posthog.matches("ph_phc_key_posthog_extra"));
        NamePattern ga = NamePattern.of("_ga_*");
        assertTrue(ga.matches("_ga_k7q2"));
        assertFalse(ga.matches("_ga_"));
        NamePattern mixpanel = NamePattern.of("mp_*_mixpanel");
        assertTrue(mixpanel.matches("mp_5f1c2a7d_mixpanel"));
        NamePattern suffix = NamePattern.of("*_utm");
        assertTrue(suffix.matches("a_utm"));
        assertFalse(suffix.matches("_utm"));
        assertTrue(NamePattern.of("_fbp").matches("_fbp"));
        assertFalse(NamePattern.of("_fbp").matches("_fbpx"));
        assertThrows(IllegalArgumentException.class, () -> NamePattern.of("**"));
    }

    @Test
    void aDocumentedNameTakesTheVendorsCategoryAndPlainPurpose() {
        Classification hotjar = byName(CookieFacts.named("_hjSessionUser_3418207"));
        assertEquals(Category.ANALYTICAL, hotjar.category());
        assertEquals("Hotjar", hotjar.vendor());
        assertEquals("Records visits.", hotjar.purpose());
        assertTrue(hotjar.reason().contains("https://help.hotjar.com/"), hotjar.reason());
        Classification posthog = byName(CookieFacts.named("ph_phc_Xk2bQ9rT4vLmN8pW1sYz7aCd3eFgHiJk_posthog"));
        assertEquals(Category.ANALYTICAL, posthog.category());
        assertEquals("PostHog", posthog.vendor());
    }

    @Test
    void theFirstPartyFbpCookieNamesItsVendor() {
        Classification fbp = byName(CookieFacts.of("_fbp", "www.example-shop.com").withThirdParty(false));
        assertEquals(Category.MARKETING, fbp.category());
        assertEquals("Meta Pixel", fbp.vendor());
        assertEquals(VendorLayer.EXACT_NAME, fbp.confidence());
    }

    @Test
    void anEverydayNameCountsOnlyWithTheVendorsHostOrScriptBehindIt() {
        assertNull(byName(CookieFacts.of("fr", "www.example-shop.com")), "a site's own 'fr' is not Meta's");
        assertNull(byName(CookieFacts.named("cart")), "every shop has a cart cookie");
        Classification fr = byName(CookieFacts.of("fr", ".facebook.com"));
        assertEquals(Category.MARKETING, fr.category());
        assertEquals(VendorLayer.CONFIRMED, fr.confidence());
        Classification cart = byName(CookieFacts.of("cart", "shop.myshopify.com"));
        assertEquals(Category.FUNCTIONAL, cart.category());
    }

    @Test
    void aSelfHostedScriptStillNamesItsVendor() {
        CookieFacts facts = CookieFacts.of("ph_custom_state", "www.example-shop.com")
                .withSetter("json", "https://www.example-shop.com/js/posthog.min.js");
        Evidence e = evidence(facts);
        assertEquals("PostHog", e.vendorRows.get(0).name());
        Classification byHost = new VendorLayer(TABLE).byVendorHost(e).orElseThrow();
        assertEquals(Category.ANALYTICAL, byHost.category());
        assertTrue(byHost.reason().contains("posthog.min.js"), byHost.reason());
    }

    @Test
    void aHostWhoseVendorHasSeveralCategoriesGivesTheStrictestWithLessCertainty() {
        Classification unknown = new VendorLayer(TABLE)
                .byVendorHost(evidence(CookieFacts.of("_new_thing", "shop.myshopify.com"))).orElseThrow();
        assertEquals(Category.ANALYTICAL, unknown.category());
        assertEquals(VendorLayer.MIXED_VENDOR_HOST, unknown.confidence());
    }

    @Test
    void adTechHostsFromTheThirdPartyDataSetAreMarketingAndConsentToolsFunctional() {
        ThirdPartyHosts hosts = ThirdPartyHosts.load();
        assertEquals(Category.MARKETING, hosts.of("cm.g.doubleclick.net").category());
        assertEquals(Category.MARKETING, ThirdPartyHosts.categoryOf("ad"));
        assertEquals(Category.ANALYTICAL, ThirdPartyHosts.categoryOf("analytics"));
        assertEquals(Category.FUNCTIONAL, ThirdPartyHosts.categoryOf("consent-provider"));
        assertNull(ThirdPartyHosts.categoryOf("cdn"), "a CDN says nothing about a cookie");
        assertNull(hosts.of("www.example-shop.com"));
    }

    @Test
    void calibrationReportsTheShareRightNotTheRawScore() {
        List<Calibration.Outcome> outcomes = new ArrayList<>();
        // the raw 0.95s are right only 6 times in 10; the raw 0.6s 5 times in 10
        for (int i = 0; i < 100; i++) {
            outcomes.add(new Calibration.Outcome(0.95, i % 10 < 6));
            outcomes.add(new Calibration.Outcome(0.6, i % 2 == 0));
        }
        Calibration c = Calibration.fit(outcomes);
        assertEquals(0.6, c.apply(0.95), 0.02);
        assertEquals(0.5, c.apply(0.6), 0.02);
        assertTrue(c.apply(0.99) >= c.apply(0.7), "monotone");
        assertEquals(0.42, Calibration.IDENTITY.apply(0.42));
    }

    @Test
    void rowsMustBeWellFormed() {
        assertThrows(IllegalStateException.class, () -> VendorTable.parse("t", List.of("vendor,category")));
        assertThrows(IllegalStateException.class, () -> VendorTable.parse("t", List.of(HEADER, "A,b,functional")));
        assertThrows(IllegalArgumentException.class, () -> VendorTable.parse("t",
                List.of(HEADER, "A,analytics,tracking,a.com,x,p,,https://a.com")));
    }

    @Test
    void namesAreTokenisedAsTheyAreBuiltWithIdsStripped() {
        assertEquals("mp_0_mixpanel", new CookieName("mp_5f1c2a7d9e0b4c3a8f6e2d1b0a9c8d7e_mixpanel").template());
        assertEquals("ph_phc_0_posthog", new CookieName("ph_phc_Xk2bQ9rT4vLmN8pW1sYz7aCd3eFgHiJk_posthog").template());
        assertEquals("AMP_0", new CookieName("AMP_3fa8c2d1e9").template());
        assertEquals("_pk_id.1.abcd", new CookieName("_pk_id.1.abcd").template());
        assertEquals("_hjSessionUser_0", new CookieName("_hjSessionUser_3418207").template());
        assertEquals(List.of("optimizely", "end", "user", "id"), new CookieName("optimizelyEndUserId").words());
        assertEquals(List.of("ajs", "anonymous", "id"), new CookieName("ajs_anonymous_id").words());
    }

    @Test
    void onlyHostsOfVendorsWithoutFunctionalCookiesAreHeldBack() {
        var hosts = TABLE.consentHosts();
        assertEquals(Category.ANALYTICAL, hosts.get("hotjar.com"));
        assertEquals(Category.MARKETING, hosts.get("connect.facebook.net"));
        assertNull(hosts.get("shopify.com"), "the shop's own platform serves what the site needs");
    }
}
