package dev.akkoord.site;

import java.util.Locale;

/** The categories a visitor decides on. Functional cookies need no consent and are always on. */
public enum ConsentCategory {
    FUNCTIONAL, ANALYTICAL, MARKETING;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConsentCategory fromKey(String key) {
        for (ConsentCategory category : values()) {
            if (category.key().equals(key)) {
                return category;
            }
        }
        throw new IllegalArgumentException(
                "Unknown category '" + key + "'; use functional, analytical or marketing");
    }
}
