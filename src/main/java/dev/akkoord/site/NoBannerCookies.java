package dev.akkoord.site;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;

/** Until a scanner bean is present, banners list no cookies. */
@DefaultBean
@ApplicationScoped
final class NoBannerCookies implements BannerCookieSource {

    @Override
    public Uni<BannerCookies> bannerCookiesFor(UUID siteId) {
        return Uni.createFrom().item(BannerCookies.NONE);
    }
}
