package dev.akkoord.scan.browser;

import java.net.URI;

/**
 * Who set a cookie.
 *
 * @param kind {@code http} (a Set-Cookie header of the response at {@code url}), {@code script} (a
 *             {@code document.cookie} or {@code cookieStore} write by the script at {@code url}; the page itself
 *             for an inline script) or {@code unknown} (in the browser's store, but no write was seen)
 * @param url  the response or script, or null when unknown
 * @param consentCategory the {@code data-category} of the script element that wrote it (a script the page holds
 *                        back until that category is granted, as Akkoord's banner does), or null
 */
public record Setter(String kind, URI url, String consentCategory) {

    public static final String HTTP = "http";
    public static final String SCRIPT = "script";
    public static final Setter UNKNOWN = new Setter("unknown", null, null);

    public Setter(String kind, URI url) {
        this(kind, url, null);
    }

    public String describe() {
        return switch (kind) {
            case HTTP -> "Set-Cookie in the response of " + url;
            case SCRIPT -> "written by the script " + url;
            default -> "seen in the browser's cookie store; no write was observed";
        };
    }
}
