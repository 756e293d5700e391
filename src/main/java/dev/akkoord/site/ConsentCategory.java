package dev.akkoord.site;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The categories a visitor decides on. Functional cookies need no consent and are always on. */
public enum ConsentCategory {
    FUNCTIONAL, ANALYTICAL, MARKETING;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The category a key names, if any. */
    public static Optional<ConsentCategory> byKey(String key) {
        return Arrays.stream(values()).filter(category -> category.key().equals(key)).findFirst();
    }

    public static ConsentCategory fromKey(String key) {
        return byKey(key).orElseThrow(() -> new IllegalArgumentException(
                "Unknown category '" + key + "'; use functional, analytical or marketing"));
    }
}
