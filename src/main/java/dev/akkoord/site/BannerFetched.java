package dev.akkoord.site;

import java.util.UUID;

import dev.akkoord.web.UrlOrigins;

/**
 * Fired (synchronously, on the request's thread) each time a banner config is served, so the dashboard can tell an
 * owner whether the banner runs on their site. Observers must not block and must not fail the request.
 *
 * @param origin the page's origin from the Origin header, or from the Referer when the browser sent no Origin;
 *               null when neither was sent
 */
public record BannerFetched(UUID siteId, String origin) {

    /** From a request's Origin header, or failing that the origin of its Referer. */
    static BannerFetched from(UUID siteId, String origin, String referer) {
        return new BannerFetched(siteId, origin != null ? origin : UrlOrigins.of(referer));
    }
}
