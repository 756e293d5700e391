package dev.akkoord.classify;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which layer of the classifier decided, in the order the layers are asked. */
public enum Source {
    /** The site owner said so. */
    OVERRIDE,
    /** The Open Cookie Database (plus our overlay) knows the name. */
    DATABASE,
    /** The host that set the cookie is a known tracker or vendor. */
    VENDOR,
    /** One of our hand-written name rules (session ids, CSRF tokens, language …). */
    RULE,
    /** The statistical model trained on the knowledge base. */
    MODEL;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
