package dev.akkoord.dashboard;

import java.util.List;

import dev.akkoord.scan.CookieOverride;
import dev.akkoord.scan.ScanCookie;

/**
 * One cookie in the Cookies table.
 *
 * @param source           override, database, vendor, rule, model or script
 * @param purpose          what the cookie does, as visitors read it in the banner
 * @param reason           why it got its category, for the owner only; null when not known
 * @param observed         set during the scan (true) or inferred from a tracker found on a page
 * @param violation        an analytical or marketing cookie set without consent, with {@code evidence}
 * @param setter           how it was set: {@code http}, {@code script}, {@code inline}, {@code unknown}; null when
 *                         inferred or from the banner's lists
 * @param setBy            the response or script, shortened ({@link SiteUrls}); {@code setByUrl} in full
 * @param journeys         the browser's journeys that held it; empty when only the static crawl saw it
 * @param beforeConsent    set before any decision (for the static crawl: its violations, as it never consents)
 * @param details          the owner's own purpose, vendor and retention as the "Edit details" form shows them
 */
record CookieRow(String name, String domain, String category, String source, double confidence, String vendor,
        String purpose, String reason, String lifetime, String firstPage, boolean observed, boolean violation,
        String evidence, String setter, String setBy, String setByUrl, List<String> journeys, boolean beforeConsent,
        boolean afterReject, boolean underGpc, boolean onlyAfterAccept, Details details) {

    /**
     * The "Edit details" form of a row: the owner's own words (empty where the scanner's stand), open with the texts
     * sent and the reason after a refused save.
     */
    record Details(String purpose, String vendor, String retention, boolean open, String error) {

        static final Details NONE = new Details("", "", "", false, null);

        static Details of(CookieOverride own) {
            return own == null ? NONE : new Details(text(own.purpose()), text(own.vendor()), text(own.retention()),
                    false, null);
        }

        private static String text(String value) {
            return value == null ? "" : value;
        }
    }

    private static final String OWNER_SOURCE = "your declaration";

    static CookieRow of(ScanCookie cookie, SiteUrls urls) {
        ScanCookie.Seen seen = cookie.seen();
        boolean observed = ScanCookie.OBSERVED.equals(cookie.found());
        return new CookieRow(cookie.name(), cookie.domain(), cookie.category().label(), cookie.source(),
                cookie.confidence(), cookie.vendor(), cookie.purpose(), cookie.reason(), cookie.lifetime(),
                urls.shorten(cookie.firstPage()), observed, cookie.violation(), cookie.evidence(),
                setter(cookie), urls.shorten(cookie.setBy()), cookie.setBy(),
                seen == null ? List.of() : seen.journeys(),
                seen == null ? cookie.violation() : seen.setBeforeConsent(),
                seen != null && seen.setAfterReject(), seen != null && seen.setUnderGpc(),
                seen != null && seen.onlyAfterAccept(), Details.NONE);
    }

    /** A cookie of the banner's lists before any scan: only what the owner declared. */
    static CookieRow declared(String name, String category, String vendor, String purpose, String lifetime) {
        return new CookieRow(name, "", category, "banner", 1, vendor, purpose, null, lifetime, "", true, false, "",
                null, null, null, List.of(), false, false, false, false, Details.NONE);
    }

    /** A cookie the owner added that the latest scan did not find. */
    static CookieRow declaredByOwner(CookieOverride own) {
        return new CookieRow(own.name(), "", own.category().label(), OWNER_SOURCE, 1, own.vendor(), own.purpose(), null,
                own.retention(), "", false, false, "", null, null, null, List.of(), false, false, false, false,
                Details.NONE);
    }

    CookieRow with(Details newDetails) {
        return new CookieRow(name, domain, category, source, confidence, vendor, purpose, reason, lifetime, firstPage,
                observed, violation, evidence, setter, setBy, setByUrl, journeys, beforeConsent, afterReject, underGpc,
                onlyAfterAccept, newDetails);
    }

    private static String setter(ScanCookie cookie) {
        if (cookie.seen() == null) {
            // The static crawl sees cookies only in Set-Cookie headers; inferred ones were not seen at all.
            return cookie.setBy() == null ? null : "http";
        }
        String kind = cookie.seen().setter();
        // The browser names the page itself as the script for an inline <script>.
        return "script".equals(kind) && cookie.setBy() != null && cookie.setBy().equals(cookie.firstPage())
                ? "inline" : kind;
    }

    public boolean unclassified() {
        return "unclassified".equals(category);
    }

    public int confidencePercent() {
        return (int) Math.round(confidence * 100);
    }

    /** Seen by the browser pass, with its journeys. */
    public boolean seenInBrowser() {
        return !journeys.isEmpty();
    }

    /** "Script", "Set-Cookie of", … before the shortened address. */
    public String setterText() {
        if (OWNER_SOURCE.equals(source)) {
            return "Added by you; the latest scan did not find it";
        }
        if (setter == null) {
            return observed ? "" : "Not seen being set: inferred from a tracker on the page";
        }
        return switch (setter) {
            case "http" -> "Set-Cookie of";
            case "script" -> "Script";
            case "inline" -> "Inline script on";
            default -> "Not seen being written; found in the browser's cookie store";
        };
    }
}
