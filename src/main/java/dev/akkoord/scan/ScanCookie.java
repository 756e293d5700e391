package dev.akkoord.scan;

import dev.akkoord.classify.Category;
import java.time.Instant;
import java.util.List;

/**
 * One cookie of a scan, as stored: where it came from, what it is, and whether it was set before consent.
 *
 * @param found      {@code observed} (seen in a browser's cookie store or a Set-Cookie header) or {@code inferred}
 *                   (a tracker on a page writes it)
 * @param firstPage  the page being crawled when it was first seen
 * @param setBy      the response or script that set it; null for inferred cookies
 * @param purpose    what the cookie does, in words a visitor understands; null when nothing says
 * @param reason     why it got its category (a name rule, the Open Cookie Database, its setter's script, the site
 *                   owner), for the owner only: never shown to visitors
 * @param violation  an observed analytical or marketing cookie set without consent (before a decision, after a
 *                   rejection, or under Global Privacy Control)
 * @param evidence   for a person to check: the response and page, or the tracker script or snippet and page
 * @param seen       what the browser scan saw of it; null when only the static crawl saw it
 */
public record ScanCookie(String name, String domain, String found, boolean hostOnly, String path, Instant expiresAt,
        Long lifetimeSeconds, boolean secure, boolean httpOnly, String sameSite, boolean thirdParty, String firstPage,
        String setBy, Category category, double confidence, String source, String vendor, String purpose,
        String reason, String lifetime, boolean violation, String evidence, Seen seen) {

    public static final String OBSERVED = "observed";
    public static final String INFERRED = "inferred";

    /**
     * What the browser scan saw of a cookie; never its value.
     *
     * @param setter              {@code http}, {@code script} or {@code unknown}
     * @param journeys            the consent journeys whose browser held it ({@code no-decision}, {@code reject},
     *                            {@code accept}, {@code gpc})
     * @param setBeforeConsent    set while no decision had been taken
     * @param setAfterReject      set after "Reject all" was pressed
     * @param setUnderGpc         set with Global Privacy Control on
     * @param onlyAfterAccept     appeared only after "Accept all": a crawl that never consents cannot see it
     * @param pagesWithoutConsent pages on which it was set without consent
     */
    public record Seen(String setter, List<String> journeys, boolean setBeforeConsent, boolean setAfterReject,
            boolean setUnderGpc, boolean onlyAfterAccept, boolean partitioned, int size, int valueLength,
            String valueShape, int pages, int pagesWithoutConsent) {

        public Seen {
            journeys = List.copyOf(journeys);
        }

        boolean withoutConsent() {
            return setBeforeConsent || setAfterReject || setUnderGpc;
        }
    }

    /** Whether a cookie of this category, seen in a response, was set before consent. */
    static boolean violates(String found, Category category) {
        return OBSERVED.equals(found) && needsConsent(category);
    }

    static boolean needsConsent(Category category) {
        return category == Category.ANALYTICAL || category == Category.MARKETING;
    }

    /** The same cookie in another category; the violation flag follows the category. */
    ScanCookie reclassified(Category newCategory, double newConfidence, String newSource, String newVendor,
            String newPurpose, String newReason) {
        boolean unconsented = seen != null ? seen.withoutConsent() : OBSERVED.equals(found);
        return new ScanCookie(name, domain, found, hostOnly, path, expiresAt, lifetimeSeconds, secure, httpOnly,
                sameSite, thirdParty, firstPage, setBy, newCategory, newConfidence, newSource, newVendor, newPurpose,
                newReason, lifetime, unconsented && needsConsent(newCategory), evidence, seen);
    }

    /** The same cookie in the owner's words; category, reason and flags stay. */
    ScanCookie described(String newVendor, String newPurpose, String newLifetime) {
        return new ScanCookie(name, domain, found, hostOnly, path, expiresAt, lifetimeSeconds, secure, httpOnly,
                sameSite, thirdParty, firstPage, setBy, category, confidence, source, newVendor, newPurpose, reason,
                newLifetime, violation, evidence, seen);
    }
}
