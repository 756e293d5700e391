package dev.akkoord.scan;

import dev.akkoord.classify.Category;
import java.time.Instant;

/**
 * One cookie of a scan, as stored: where it came from, what it is, and whether it was set before consent.
 *
 * @param found      {@code observed} (a Set-Cookie header) or {@code inferred} (a tracker on a page writes it)
 * @param firstPage  the page being crawled when it was first seen
 * @param setBy      the response that set it; null for inferred cookies
 * @param violation  an observed analytical or marketing cookie: set without consent
 * @param evidence   for a person to check: the response and page, or the tracker script or snippet and page
 */
public record ScanCookie(String name, String domain, String found, boolean hostOnly, String path, Instant expiresAt,
        Long lifetimeSeconds, boolean secure, boolean httpOnly, String sameSite, boolean thirdParty, String firstPage,
        String setBy, Category category, double confidence, String source, String vendor, String purpose,
        String lifetime, boolean violation, String evidence) {

    public static final String OBSERVED = "observed";
    public static final String INFERRED = "inferred";

    /** Whether a cookie of this category, seen in a response, was set before consent. */
    static boolean violates(String found, Category category) {
        return OBSERVED.equals(found) && (category == Category.ANALYTICAL || category == Category.MARKETING);
    }
}
