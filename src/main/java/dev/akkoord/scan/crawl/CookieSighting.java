package dev.akkoord.scan.crawl;

import java.net.URI;
import java.time.Instant;

/**
 * A cookie some response set, as first seen during the crawl.
 *
 * @param name            the cookie name
 * @param domain          the Domain attribute, or the setting host for a host-only cookie
 * @param hostOnly        whether there was no Domain attribute
 * @param path            the Path attribute, or null
 * @param expiresAt       when it expires, or null for a session cookie
 * @param lifetimeSeconds seconds from the response to expiry, or null for a session cookie
 * @param secure          the Secure flag
 * @param httpOnly        the HttpOnly flag
 * @param sameSite        Strict, Lax, None or null
 * @param thirdParty      whether its domain belongs to another registrable domain than the site's
 * @param page            the page being crawled when it was first set
 * @param setBy           the response that set it (the page itself, a redirect hop, a script, frame or pixel)
 */
public record CookieSighting(String name, String domain, boolean hostOnly, String path, Instant expiresAt,
        Long lifetimeSeconds, boolean secure, boolean httpOnly, String sameSite, boolean thirdParty, URI page,
        URI setBy) {

    /** Cookies are the same cookie when name and domain agree (the path rarely tells two apart in practice). */
    public String key() {
        return name + "\n" + domain;
    }
}
