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

    static CookieTally of(ScanRow scan, List<ScanCookie> stored, Map<String, CookieOverride> overrides) {
        int before = 0;
        int afterReject = 0;
        int review = 0;
        for (ScanCookie cookie : Overrides.apply(stored, overrides)) {
            boolean needsConsent = cookie.category() != Category.FUNCTIONAL;
            ScanCookie.Seen seen = cookie.seen();
            if (needsConsent && (seen == null ? cookie.violation() : seen.setBeforeConsent())) {
                before++;
            }
            if (needsConsent && seen != null && seen.setAfterReject()) {
                afterReject++;
            }
            if (cookie.category() == Category.UNCLASSIFIED) {
                review++;
            }
        }
        return new CookieTally(before, afterReject, review, BrowserFindings.BROWSER.equals(scan.method()));
    }
}
