package dev.akkoord.scan;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.akkoord.site.SiteService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * What the scanner needs to know about sites, asked of the site package (which owns the table) from wherever the
 * scanner runs: a request, the scheduler or a worker thread.
 */
@ApplicationScoped
class SiteLookup {

    private final SiteService sites;
    private final Vertx vertx;

    SiteLookup(SiteService sites, Vertx vertx) {
        this.sites = sites;
        this.vertx = vertx;
    }

    /** The site's domains; null when there is no such site or it was deleted. */
    Uni<List<String>> domains(UUID siteId) {
        return SafeContext.call(vertx, () -> sites.liveDomains(siteId));
    }

    Uni<List<UUID>> liveSiteIds() {
        return SafeContext.call(vertx, sites::liveSiteIds);
    }
}
