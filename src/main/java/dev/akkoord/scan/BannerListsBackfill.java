package dev.akkoord.scan;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.akkoord.site.SiteService;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Sites created before the site package kept its own copy of the banner's lists get theirs once, at start-up, so
 * an upgrade does not empty their banners until the next daily scan. A site that has its lists is never touched.
 */
@ApplicationScoped
class BannerListsBackfill {

    private static final Logger LOG = Logger.getLogger(BannerListsBackfill.class);

    private final SiteService sites;
    private final ScanBannerCookies bannerLists;
    private final Vertx vertx;

    BannerListsBackfill(SiteService sites, ScanBannerCookies bannerLists, Vertx vertx) {
        this.sites = sites;
        this.bannerLists = bannerLists;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent started) {
        run().subscribe().with(
                published -> {
                    if (published > 0) {
                        LOG.infof("Published the banner lists of %d sites that had none", published);
                    }
                },
                // Another instance may be publishing the same site; whatever is left is done at the next start.
                failure -> LOG.infof("Banner lists not published at start-up: %s", failure.getMessage()));
    }

    /** Publishes the lists of every live site that has none; answers how many. */
    Uni<Integer> run() {
        return SafeContext.call(vertx, sites::sitesWithoutCookieLists)
                .onItem().transformToMulti(ids -> Multi.createFrom().iterable(ids))
                .onItem().transformToUniAndConcatenate(this::publish)
                .filter(Boolean::booleanValue)
                .collect().asList()
                .map(published -> published.size());
    }

    /** One site's lists; a failure (the site deleted meanwhile, say) does not stop the others. */
    private Uni<Boolean> publish(UUID siteId) {
        return SafeContext.call(vertx, () -> bannerLists.publish(siteId)).replaceWith(true)
                .onFailure().recoverWithItem(failure -> {
                    LOG.infof("Banner lists of site %s not published: %s", siteId, failure.getMessage());
                    return false;
                });
    }
}
