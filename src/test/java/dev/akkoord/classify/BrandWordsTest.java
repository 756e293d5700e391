package dev.akkoord.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BrandWordsTest {

    private static KnowledgeBase knowledge;
    private static BrandWords brands;

    @BeforeAll
    static void load() {
        knowledge = KnowledgeBase.load();
        brands = new BrandWords(knowledge.vendorTable(), knowledge.thirdPartyHosts(), knowledge.cookies());
    }

    private static Optional<BrandWords.Brand> brandOf(String name) {
        return brands.in(new CookieName(name));
    }

    @Test
    void aVendorsNameAtTheStartOrEndOfACookieNameIsItsBrand() {
        assertEquals("hotjar", brandOf("hotjarReturningVisitor").orElseThrow().word());
        assertEquals(Category.ANALYTICAL, brandOf("hotjarReturningVisitor").orElseThrow().category());
        assertEquals("posthog", brandOf("ph_phc_Xk2bQ9rT4vLmN8pW1sYz7aCd_posthog").orElseThrow().word());
    }

    @Test
    void aBrandWrittenInSeveralWordsIsFound() {
        assertEquals("microsoftclarity", brandOf("MicrosoftClarityVisitor").orElseThrow().word());
    }

    @Test
    void aBrandLikeWordInsideAnotherWordIsNotABrand() {
        // Front is a chat vendor; CloudFront's signed-URL cookies are not its.
        assertEquals(Optional.empty(), brandOf("CloudFront-Signature"));
    }

    @Test
    void wordsThatSayWhatACookieIsForAreNeverBrands() {
        // "wishlist" and "attribution" are also names of small ad-tech companies in the third-party data set.
        assertEquals(Optional.empty(), brandOf("wishlist_items"));
        assertEquals(Optional.empty(), brandOf("attribution_code"));
    }

    /**
     * Measured on the knowledge base, which brand words never read: about seven in ten agree with the listed category
     * (the VendorLayer's confidence for them), and where they disagree they ask for consent, never the reverse.
     */
    @Test
    void onTheKnowledgeBaseBrandWordsMostlyAgreeAndNeverLetATrackerThrough() {
        int right = 0;
        int decided = 0;
        List<String> leaks = new ArrayList<>();
        for (KnownCookie cookie : knowledge.cookies()) {
            Optional<BrandWords.Brand> brand = brandOf(cookie.name()).filter(b -> b.category() != null);
            if (brand.isEmpty()) {
                continue;
            }
            decided++;
            if (brand.get().category() == cookie.category()) {
                right++;
            } else if (brand.get().category() == Category.FUNCTIONAL) {
                leaks.add(cookie.name() + " (" + cookie.platform() + ")");
            }
        }
        assertTrue(decided >= 100, decided + " decided");
        assertTrue(right >= 0.7 * decided, right + " of " + decided + " right");
        assertEquals(List.of(), leaks, "consent-requiring cookies a brand word calls functional");
    }
}
