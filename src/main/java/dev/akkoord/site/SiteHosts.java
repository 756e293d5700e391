package dev.akkoord.site;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.akkoord.web.Outages;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Which site a page is on, from its origin: every site's domains, held in memory by host. The site with the
 * narrowest claim on the page's host is the answer; where sites tie on it, there is none. The shared banner script
 * uses it to bring that site's config along, one request instead of two in a row; the banner checks the config's
 * site against its own {@code data-site}, so a stale answer costs a request, never a wrong banner. Reloaded every
 * half minute, and at once on the instance where a site is created or its domains change.
 */
@ApplicationScoped
public class SiteHosts {

    private static final Logger LOG = Logger.getLogger(SiteHosts.class);

    /** One domain pattern of one site. */
    private record Claim(UUID siteId, String domain) {
    }

    private final Pool pool;
    private final SiteJson json;
    private final Outages outages;
    private volatile Map<String, List<Claim>> claimsByHost = Map.of();

    SiteHosts(Pool pool, SiteJson json, Outages outages) {
        this.pool = pool;
        this.json = json;
        this.outages = outages;
    }

    /** The site that claims the page ({@code https://shop.example.test/…}, a Referer) most narrowly, if one does alone. */
    public Optional<UUID> siteFor(String pageUrl) {
        URI uri;
        try {
            uri = pageUrl == null ? null : URI.create(pageUrl.trim());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (uri == null || uri.getHost() == null) {
            return Optional.empty();
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        // The narrowest claim wins (shop.example.test over *.example.test, 127.0.0.1:8181 over 127.0.0.1); sites
        // tied on it leave the page without an answer.
        Set<UUID> sites = new HashSet<>();
        int narrowest = -1;
        // The host itself, then each parent, where wildcard domains (*.example.test) are filed.
        for (String candidate = host; ; candidate = candidate.substring(candidate.indexOf('.') + 1)) {
            for (Claim claim : claimsByHost.getOrDefault(candidate, List.of())) {
                if (!Domains.matches(claim.domain(), host, uri.getPort())) {
                    continue;
                }
                int specificity = Domains.specificity(claim.domain());
                if (specificity > narrowest) {
                    narrowest = specificity;
                    sites.clear();
                }
                if (specificity == narrowest) {
                    sites.add(claim.siteId());
                }
            }
            if (candidate.indexOf('.') < 0) {
                break;
            }
        }
        return sites.size() == 1 ? Optional.of(sites.iterator().next()) : Optional.empty();
    }

    /**
     * The site's domains that other sites list too, each with those sites: pages there get no site's settings from
     * the shared script (neither claim is narrower), so an owner must hear of it.
     */
    public Map<String, Set<UUID>> claimedElsewhere(UUID siteId, List<String> domains) {
        Map<String, Set<UUID>> shared = new TreeMap<>();
        for (String domain : domains) {
            for (Claim claim : claimsByHost.getOrDefault(Domains.baseHost(domain), List.of())) {
                if (claim.domain().equals(domain) && !claim.siteId().equals(siteId)) {
                    shared.computeIfAbsent(domain, d -> new HashSet<>()).add(claim.siteId());
                }
            }
        }
        return shared;
    }

    void onStart(@Observes StartupEvent start) {
        scheduledReload().subscribe().with(done -> {
        });
    }

    @Scheduled(every = "30s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledReload() {
        // Every half minute: a database outage is logged once by Outages, not at every reload.
        return reload().onFailure().invoke(failure -> {
            if (!outages.noticed(failure)) {
                LOG.warnf("Site hosts not reloaded: %s", failure.getMessage());
            }
        })
                .onFailure().recoverWithNull();
    }

    /** Reads every site's domains again. */
    public Uni<Void> reload() {
        return pool.query("SELECT id, domains FROM sites WHERE deleted_at IS NULL").execute().invoke(rows -> {
            Map<String, List<Claim>> index = new HashMap<>();
            for (Row row : rows) {
                for (String domain : json.domains(row.getString("domains"))) {
                    index.computeIfAbsent(Domains.baseHost(domain), host -> new ArrayList<>())
                            .add(new Claim(row.getUUID("id"), domain));
                }
            }
            claimsByHost = index;
        }).replaceWithVoid();
    }
}
