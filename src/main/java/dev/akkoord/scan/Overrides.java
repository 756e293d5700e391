package dev.akkoord.scan;

import dev.akkoord.classify.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Applies the site owner's overrides to stored cookies: the owner's word wins over every other layer. */
final class Overrides {

    private Overrides() {
    }

    /** The override for a name: exact first, then ignoring case (as the classifier does); null when none. */
    static Category find(Map<String, Category> overrides, String name) {
        Category exact = overrides.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, Category> entry : overrides.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    static List<ScanCookie> apply(List<ScanCookie> cookies, Map<String, Category> overrides) {
        if (overrides.isEmpty()) {
            return cookies;
        }
        List<ScanCookie> result = new ArrayList<>(cookies.size());
        for (ScanCookie c : cookies) {
            Category category = find(overrides, c.name());
            if (category == null) {
                result.add(c);
                continue;
            }
            // The owner decides the category; what the cookie does stays as the scanner found it.
            result.add(c.reclassified(category, 1.0, "override", c.vendor(), c.purpose(), "Decided by the site owner"));
        }
        return result;
    }
}
