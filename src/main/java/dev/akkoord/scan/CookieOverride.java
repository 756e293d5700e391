package dev.akkoord.scan;

import dev.akkoord.classify.Category;
import java.util.Map;
import java.util.Objects;

/**
 * The site owner's word on a cookie name: its category, and their own description of it. Each given field wins over
 * what the scanner found; a missing one leaves the scanner's.
 *
 * @param category  the owner's category; null leaves the scanner's
 * @param purpose   what the cookie does, as visitors read it in the banner and the declaration
 * @param vendor    who is behind it
 * @param retention how long it stays (the banner's "lifetime")
 */
public record CookieOverride(String name, Category category, String purpose, String vendor, String retention) {

    public CookieOverride {
        Objects.requireNonNull(name, "name");
    }

    /** The override of a cookie name among these: the exact name first, then ignoring case; null when none. */
    public static CookieOverride find(Map<String, CookieOverride> overrides, String cookieName) {
        return Overrides.find(overrides, cookieName);
    }

    static CookieOverride none(String name) {
        return new CookieOverride(name, null, null, null, null);
    }

    /** Says nothing at all: no row is kept for it. */
    boolean empty() {
        return category == null && !hasDetails();
    }

    boolean hasDetails() {
        return purpose != null || vendor != null || retention != null;
    }
}
