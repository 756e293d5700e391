package dev.akkoord.dashboard;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.akkoord.site.SiteService;
import dev.akkoord.site.SiteView;
import dev.akkoord.web.ProblemException;
import io.smallrye.mutiny.Uni;

/** What every page about one site starts with: the site (access was checked by the guard) and the layout. */
@ApplicationScoped
class SitePages {

    private final SiteService sites;
    private final CurrentSession current;

    SitePages(SiteService sites, CurrentSession current) {
        this.sites = sites;
        this.current = current;
    }

    Uni<SiteView> site(UUID siteId) {
        return sites.findSite(siteId).map(site -> {
            if (site == null) {
                throw new ProblemException(404, "No such site", "There is no site with this id among your sites.");
            }
            return site;
        });
    }

    Page page(SiteView site, String title, String section) {
        return new Page(title + " · " + site.name(), current.account(), current.csrf(), site, section);
    }
}
