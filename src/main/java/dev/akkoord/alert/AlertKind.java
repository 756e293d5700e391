package dev.akkoord.alert;

import java.util.Locale;

/** What a scan can tell a site's owners that they would want to hear without looking. */
public enum AlertKind {
    /** Cookies the scan before did not find (not on a site's first scan: there everything is new). */
    NEW_COOKIES("new cookies"),
    /** Cookies that need consent, set before any choice or after a reject. */
    VIOLATIONS("cookies set without consent"),
    /** Cookies the classifier could not place: blocked like marketing until someone decides. */
    UNCLASSIFIED("cookies to review"),
    /** The scan could not read the site. */
    FAILURE("scan failed");

    private final String label;

    AlertKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
