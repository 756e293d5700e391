package dev.akkoord.consent;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * The UI action that produced a decision: part of the evidence of how consent was given. {@code CROSS_DOMAIN} is the
 * record a domain keeps when it takes over the decision the same visitor (the same consent id) made on another of the
 * site's domains: no button was pressed here, so the record says so instead of copying the other domain's action.
 */
public enum ConsentAction {
    ACCEPT_ALL, REJECT_ALL, CUSTOM, WITHDRAW, GPC, CROSS_DOMAIN;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ConsentAction fromKey(String key) {
        for (ConsentAction action : values()) {
            if (action.key().equals(key)) {
                return action;
            }
        }
        throw new IllegalArgumentException("Unknown action '" + key
                + "'; use accept_all, reject_all, custom, withdraw, gpc or cross_domain");
    }
}
