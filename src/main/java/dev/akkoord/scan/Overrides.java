package dev.akkoord.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Applies the site owner's overrides to stored cookies: the owner's word wins over every other layer. */
final class Overrides {

    private Overrides() {
    }

    /** The override for a name: exact first, then ignoring case (as the classifier does); null when none. */
    static <T> T find(Map<String, T> overrides, String name) {
        T exact = overrides.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, T> entry : overrides.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    static List<ScanCookie> apply(List<ScanCookie> cookies, Map<String, CookieOverride> overrides) {
        if (overrides.isEmpty()) {
            return cookies;
        }
        List<ScanCookie> result = new ArrayList<>(cookies.size());
        for (ScanCookie c : cookies) {
            CookieOverride override = find(overrides, c.name());
            result.add(override == null ? c : apply(c, override));
        }
        return result;
    }

    private static ScanCookie apply(ScanCookie c, CookieOverride override) {
        ScanCookie cookie = c;
        if (override.category() != null) {
            // The owner decides the category; what the cookie does stays as the scanner found it.
            cookie = cookie.reclassified(override.category(), 1.0, "override", c.vendor(), c.purpose(),
                    "Decided by the site owner");
        }
        if (override.hasDetails()) {
            cookie = cookie.described(override.vendor() != null ? override.vendor() : cookie.vendor(),
                    override.purpose() != null ? override.purpose() : cookie.purpose(),
                    override.retention() != null ? override.retention() : cookie.lifetime());
        }
        return cookie;
    }
}
