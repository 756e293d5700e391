package dev.akkoord.scan;

import dev.akkoord.classify.Category;
import dev.akkoord.web.ProblemException;

/**
 * What one change does to the owner's override of a cookie name, validated. A null field leaves what is stored; an
 * empty purpose, vendor or retention removes the owner's words, so the scanner's show again. The texts reach every
 * visitor's banner: bounded, and without control characters (no line breaks, no terminal escapes, no bidirectional
 * overrides that make a text read otherwise than it is stored).
 */
public record OverrideEdit(Category category, String purpose, String vendor, String retention) {

    static final int MAX_PURPOSE = 500;
    static final int MAX_VENDOR = 120;
    static final int MAX_RETENTION = 60;

    /** Every edit is valid: a bad field is a 400 that names it. */
    public OverrideEdit {
        if (category == null && purpose == null && vendor == null && retention == null) {
            throw ProblemException.badRequest("Give at least one of 'category' (functional, analytical or marketing), "
                    + "'purpose', 'vendor' or 'retention'");
        }
        if (category == Category.UNCLASSIFIED) {
            throw ProblemException.badRequest("'category' must be functional, analytical or marketing");
        }
        purpose = text("purpose", purpose, MAX_PURPOSE);
        vendor = text("vendor", vendor, MAX_VENDOR);
        retention = text("retention", retention, MAX_RETENTION);
    }

    /** A change as the API and the dashboard receive it, the category as its label. */
    public static OverrideEdit of(String category, String purpose, String vendor, String retention) {
        return new OverrideEdit(category == null ? null : category(category), purpose, vendor, retention);
    }

    CookieOverride applyTo(CookieOverride current) {
        return new CookieOverride(current.name(), category != null ? category : current.category(),
                merged(purpose, current.purpose()), merged(vendor, current.vendor()),
                merged(retention, current.retention()));
    }

    private static String merged(String given, String stored) {
        return given == null ? stored : given.isEmpty() ? null : given;
    }

    /** An owner's category: functional, analytical or marketing, else a 400. */
    static Category category(String label) {
        Category category;
        try {
            category = Category.fromLabel(label);
        } catch (IllegalArgumentException e) {
            category = null;
        }
        if (category == null || category == Category.UNCLASSIFIED) {
            throw ProblemException.badRequest("'category' must be functional, analytical or marketing; got '" + label
                    + "'");
        }
        return category;
    }

    private static String text(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        if (text.codePoints().anyMatch(OverrideEdit::control)) {
            throw ProblemException.badRequest("'" + field + "' must be one line of text without control characters");
        }
        if (text.codePointCount(0, text.length()) > max) {
            throw ProblemException.badRequest("'" + field + "' must be at most " + max + " characters");
        }
        return text;
    }

    private static boolean control(int c) {
        return Character.isISOControl(c) || c == 0x2028 || c == 0x2029 // line and paragraph separators
                || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069; // bidirectional embeddings and isolates
    }
}
