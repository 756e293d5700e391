package dev.akkoord.classify;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a cookie is for, as the banner groups it. {@code UNCLASSIFIED} is treated like marketing until a person decides. */
public enum Category {
    FUNCTIONAL,
    ANALYTICAL,
    MARKETING,
    UNCLASSIFIED;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code functional|analytical|marketing|unclassified}, ignoring case and surrounding blanks. */
    @JsonCreator
    public static Category fromLabel(String label) {
        if (label != null) {
            for (Category category : values()) {
                if (category.label().equalsIgnoreCase(label.strip())) {
                    return category;
                }
            }
        }
        throw new IllegalArgumentException("category must be one of functional, analytical, marketing, unclassified; got: " + label);
    }

    /** Maps an Open Cookie Database category (see SOURCE.md) onto ours; unknown values give {@code null}. */
    static Category fromOpenCookieDatabase(String ocdCategory) {
        return switch (ocdCategory.strip().toLowerCase(Locale.ROOT)) {
            case "functional", "necessary", "security", "personalization" -> FUNCTIONAL;
            case "analytics" -> ANALYTICAL;
            case "marketing" -> MARKETING;
            default -> null;
        };
    }
}
