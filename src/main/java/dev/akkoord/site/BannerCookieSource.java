package dev.akkoord.site;

import java.util.UUID;

import io.smallrye.mutiny.Uni;

/** Supplies the cookie lists shown in a site's banner; the scanner provides the real one. */
public interface BannerCookieSource {

    Uni<BannerCookies> bannerCookiesFor(UUID siteId);
}
