package dev.akkoord.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped vendor table: cited, complete enough, and deciding the cases the classification issue names. */
class VendorTableDataTest {

    private static VendorTable table;
    private static Classifier classifier;

    @BeforeAll
    static void load() {
        table = VendorTable.load();
        classifier = Classifier.withDefaults();
    }

    @Test
    void everyRowIsCitedAndExplained() {
        Set<String> seen = new HashSet<>();
        for (Vendor v : table.rows()) {
            assertTrue(v.source().startsWith("https://"), v.name() + ": " + v.source());
            assertFalse(v.purpose().isBlank(), v.name() + " has no purpose");
            assertFalse(v.purpose().toLowerCase().contains("name rule"), v.name());
            assertTrue(seen.add(v.name() + "/" + v.category() + "/" + v.source()), "a row twice: " + v.name());
        }
    }

    @Test
    void coversAtLeastThreeHundredVendorsOfEveryKind() {
        assertTrue(table.vendorNames().size() >= 300, table.vendorNames().size() + " vendors");
        Set<String> kinds = new HashSet<>();
        table.rows().forEach(v -> kinds.add(v.kind()));
        for (String kind : Set.of("analytics", "advertising", "social", "chat", "ab-testing", "session-recording",
                "video", "consent")) {
            assertTrue(kinds.contains(kind), "no vendor of kind " + kind);
        }
    }

    @Test
    void theIssuesExamplesAreDecidedByTheirVendors() {
        Classification posthog = classifier.classify(CookieFacts.named("ph_phc_Xk2bQ9rT4vLmN8pW1sYz7aCd3eFgHiJk_posthog"));
        assertEquals(Category.ANALYTICAL, posthog.category(), posthog.toString());
        assertEquals("PostHog", posthog.vendor());
        // the database row calls it functional; Hotjar records sessions, so its cookies need consent
        Classification hotjar = classifier.classify(CookieFacts.named("_hjSessionUser_3418207"));
        assertEquals(Category.ANALYTICAL, hotjar.category(), hotjar.toString());
        assertEquals(Source.VENDOR, hotjar.source());
        Classification fbp = classifier.classify(CookieFacts.of("_fbp", "www.example-shop.com").withThirdParty(false));
        assertEquals(Category.MARKETING, fbp.category(), fbp.toString());
        assertTrue(fbp.vendor() != null && fbp.vendor().startsWith("Meta"), fbp.toString());
        for (Map.Entry<String, Category> e : Map.of("_pk_id.1.abcd", Category.ANALYTICAL, "AMP_3fa8c2d1e9",
                Category.ANALYTICAL, "ajs_anonymous_id", Category.ANALYTICAL,
                "mp_5f1c2a7d9e0b4c3a8f6e2d1b0a9c8d7e_mixpanel", Category.ANALYTICAL).entrySet()) {
            Classification c = classifier.classify(CookieFacts.named(e.getKey()));
            assertEquals(e.getValue(), c.category(), c.toString());
        }
    }
}
