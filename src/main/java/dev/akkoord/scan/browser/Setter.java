package dev.akkoord.scan.browser;

import java.net.URI;

/**
 * Who set a cookie.
 *
 * @param kind {@code http} (a Set-Cookie header of the response at {@code url}), {@code script} (a
 *             {@code document.cookie} or {@code cookieStore} write by the script at {@code url}; the page itself
 *             for an inline script) or {@code unknown} (in the browser's store, but no write was seen)
 * @param url  the response or script, or null when unknown
 */
public record Setter(String kind, URI url) {

    public static final String HTTP = "http";
    public static final String SCRIPT = "script";
    public static final Setter UNKNOWN = new Setter("unknown", null);

    public String describe() {
        return switch (kind) {
            case HTTP -> "Set-Cookie in the response of " + url;
            case SCRIPT -> "written by the script " + url;
            default -> "seen in the browser's cookie store; no write was observed";
        };
    }
}
