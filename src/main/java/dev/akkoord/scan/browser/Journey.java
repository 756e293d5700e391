package dev.akkoord.scan.browser;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How the scanner behaves on a page, each in a fresh browser context. The last three need the page to show
 * Akkoord's banner; a page without it is only visited as {@link #NO_DECISION}.
 */
public enum Journey {
    /** Load the page and decide nothing: everything set is set before consent. */
    NO_DECISION("no-decision"),
    /** Press "Reject all" in the banner, as a visitor would. */
    REJECT("reject"),
    /** Press "Accept all": finds what only appears once the banner releases scripts. */
    ACCEPT("accept"),
    /** Global Privacy Control on ({@code Sec-GPC: 1}, {@code navigator.globalPrivacyControl}); treated as a rejection. */
    GPC("gpc");

    private final String label;

    Journey(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}
