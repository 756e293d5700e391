package dev.akkoord.widget.demo;

import dev.akkoord.scan.ScanService;
import dev.akkoord.site.Domains;
import dev.akkoord.site.SiteRequest;
import dev.akkoord.site.SiteService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The demo shop's site: found in {@code widget_demo_site}, or registered through {@link SiteService} the first time.
 * Its sample scripts' cookies are declared the way a site owner declares them (cookie overrides), so the banner
 * lists them and a withdrawal deletes them.
 */
@ApplicationScoped
public class DemoSite {

    private static final Logger LOG = Logger.getLogger(DemoSite.class);
    private static final String FIND = "SELECT site_id FROM widget_demo_site WHERE id = 1";
    // Two instances starting at once may both register a site; only the first one's row counts.
    private static final String CLAIM = "INSERT INTO widget_demo_site (id, site_id) VALUES (1, $1) ON CONFLICT (id) DO NOTHING";

    private final Pool pool;
    private final SiteService sites;
    private final ScanService scans;
    private final DemoConfig config;
    private volatile UUID known;

    DemoSite(Pool pool, SiteService sites, ScanService scans, DemoConfig config) {
        this.pool = pool;
        this.sites = sites;
        this.scans = scans;
        this.config = config;
    }

    /** The demo site's id, registering the site if this installation has none yet. */
    public Uni<UUID> siteId() {
        UUID cached = known;
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return find().flatMap(found -> found != null ? Uni.createFrom().item(found) : register())
                .call(this::openOnConfiguredDomains)
                .call(this::declareSampleCookies)
                .invoke(id -> known = id);
    }

    /**
     * Declares {@code demo_stats} (set by {@code /demo/stats.js}) and {@code demo_ads} ({@code /demo/ads.js}). Done on
     * every start, so demo sites made before the declarations get them too; an unchanged one changes nothing. One
     * after the other: each change makes a new banner version.
     */
    private Uni<Void> declareSampleCookies(UUID siteId) {
        return scans.putOverride(siteId, "demo_stats", "analytical")
                .flatMap(declared -> scans.putOverride(siteId, "demo_ads", "marketing"))
                .replaceWithVoid();
    }

    /**
     * Gives the demo site the configured domains, host and port, when it has others: an origin includes its port,
     * so a demo site made before that (on {@code localhost}, meaning port 80) would refuse the demo's consents.
     */
    private Uni<Void> openOnConfiguredDomains(UUID siteId) {
        return sites.findSite(siteId).flatMap(site -> site.domains().equals(Domains.normalize(config.domains()))
                ? Uni.createFrom().voidItem()
                : sites.updateSite(siteId, new SiteRequest(null, config.domains(), null, null, null, null, null, null,
                        null, null)).replaceWithVoid());
    }

    private Uni<UUID> find() {
        return pool.query(FIND).execute().map(DemoSite::firstId);
    }

    private Uni<UUID> register() {
        LOG.info("Registering the demo site for /demo");
        SiteRequest request = new SiteRequest("Akkoord demo shop", config.domains(), List.of("en", "nl", "fr", "de"),
                null, List.of("functional", "analytical", "marketing"), null, null, null, null, null);
        return sites.createSite(request)
                .flatMap(site -> pool.preparedQuery(CLAIM).execute(Tuple.of(site.id())))
                .flatMap(claimed -> find());
    }

    private static UUID firstId(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? iterator.next().getUUID("site_id") : null;
    }
}
