package dev.akkoord.scan.browser;

import com.fasterxml.jackson.annotation.JsonValue;

/** When, within a journey, something was set or requested. */
public enum Phase {
    /** No decision had been taken yet. */
    BEFORE_CONSENT("before-consent"),
    /** After "Reject all" was pressed. */
    AFTER_REJECT("after-reject"),
    /** After "Accept all" was pressed. */
    AFTER_ACCEPT("after-accept"),
    /** With Global Privacy Control on, which asks for what a rejection gives. */
    UNDER_GPC("under-gpc");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** Whether something non-functional here goes against the visitor's (lack of) choice. */
    public boolean withoutConsent() {
        return this != AFTER_ACCEPT;
    }
}
