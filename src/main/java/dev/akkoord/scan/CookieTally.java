package dev.akkoord.scan;

import java.util.List;
import java.util.Map;

import dev.akkoord.classify.Category;

/**
 * What a site's cookie list says about its compliance, counted as its overview counts it: cookies that need consent
 * set before a choice or after a reject, and cookies to review, with the owner's decisions applied.
 *
 * @param browserChecked whether a browser read the site: only then are cookies after a reject known
 */
public record CookieTally(int beforeConsent, int afterReject, int toReview, boolean browserChecked) {

    /**
     * The little of a stored cookie that the tally needs, read without the rest of the row (the list of sites
     * counts every site's cookies at once).
     *
     * @param seenInBrowser whether the browser pass saw it: then its own flags say when it was set; otherwise a
     *                      violation means set before consent, as the static crawl never consents
     */
    record Fact(String name, Category category, boolean violation, boolean seenInBrowser, boolean setBeforeConsent,
            boolean setAfterReject) {
    }

    static CookieTally of(ScanRow scan, List<Fact> facts, Map<String, CookieOverride> overrides) {
        int before = 0;
        int afterReject = 0;
        int review = 0;
        for (Fact fact : facts) {
            CookieOverride own = Overrides.find(overrides, fact.name());
            Category category = own != null && own.category() != null ? own.category() : fact.category();
            boolean needsConsent = category != Category.FUNCTIONAL;
            if (needsConsent && (fact.seenInBrowser() ? fact.setBeforeConsent() : fact.violation())) {
                before++;
            }
            if (needsConsent && fact.seenInBrowser() && fact.setAfterReject()) {
                afterReject++;
            }
            if (category == Category.UNCLASSIFIED) {
                review++;
            }
        }
        return new CookieTally(before, afterReject, review, BrowserFindings.BROWSER.equals(scan.method()));
    }
}
