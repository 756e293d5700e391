package dev.akkoord.scan;

import java.util.List;
import java.util.Map;

import dev.akkoord.classify.Category;

/**
 * What a site's cookie list says about its compliance: cookies that need consent set before a choice or after a
 * reject, and cookies to review, with the owner's decisions applied. The site's overview and the list of all sites
 * both count with it, so they cannot disagree.
 *
 * @param browserChecked whether a browser read the site: only then are cookies after a reject known
 */
public record CookieTally(int beforeConsent, int afterReject, int toReview, boolean browserChecked) {

    /**
     * The little of a stored cookie that the tally needs, read without the rest of the row (the list of sites
     * counts every site's cookies at once).
     *
     * @param found         {@code observed} or {@code inferred}
     * @param seenInBrowser whether the browser pass saw it: then its own flags say when it was set; otherwise an
     *                      observed cookie that needs consent was set before it ({@link ScanCookie#violates}), as
     *                      the static crawl never consents
     */
    record Fact(String name, Category category, String found, boolean seenInBrowser, boolean setBeforeConsent,
            boolean setAfterReject) {

        static Fact of(ScanCookie cookie) {
            ScanCookie.Seen seen = cookie.seen();
            return new Fact(cookie.name(), cookie.category(), cookie.found(), seen != null,
                    seen != null && seen.setBeforeConsent(), seen != null && seen.setAfterReject());
        }

        Fact decidedBy(Map<String, CookieOverride> overrides) {
            CookieOverride own = Overrides.find(overrides, name);
            return own == null || own.category() == null ? this
                    : new Fact(name, own.category(), found, seenInBrowser, setBeforeConsent, setAfterReject);
        }

        boolean beforeConsent() {
            return seenInBrowser ? setBeforeConsent : ScanCookie.violates(found, category);
        }
    }

    /** The tally of a scan's cookies as its view has them: the owner's decisions already applied. */
    public static CookieTally of(List<ScanCookie> decided, String method) {
        return count(decided.stream().map(Fact::of).toList(), method);
    }

    static CookieTally of(ScanRow scan, List<Fact> stored, Map<String, CookieOverride> overrides) {
        return count(stored.stream().map(fact -> fact.decidedBy(overrides)).toList(), scan.method());
    }

    private static CookieTally count(List<Fact> facts, String method) {
        int before = 0;
        int afterReject = 0;
        int review = 0;
        for (Fact fact : facts) {
            boolean needsConsent = fact.category() != Category.FUNCTIONAL;
            if (needsConsent && fact.beforeConsent()) {
                before++;
            }
            if (needsConsent && fact.seenInBrowser() && fact.setAfterReject()) {
                afterReject++;
            }
            if (fact.category() == Category.UNCLASSIFIED) {
                review++;
            }
        }
        return new CookieTally(before, afterReject, review, BrowserFindings.BROWSER.equals(method));
    }
}
