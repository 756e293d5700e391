package dev.akkoord.consent;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.akkoord.site.BannerInvalidated;
import dev.akkoord.site.SiteAccess;
import dev.akkoord.site.SiteService;
import io.smallrye.mutiny.Uni;

/**
 * Every consent needs its site's domains and banner versions; reading them from PostgreSQL each time would cost
 * more than storing the record. Entries live a few seconds, so a domain added by the owner works almost at once.
 * Banner versions never change once created, so a version seen once is known for good.
 */
@ApplicationScoped
class SiteAccessCache {

    private static final long TTL_MILLIS = 5_000;

    private final SiteService sites;
    private final ConcurrentHashMap<UUID, Entry> entries = new ConcurrentHashMap<>();
    private final Set<String> knownVersions = ConcurrentHashMap.newKeySet();

    SiteAccessCache(SiteService sites) {
        this.sites = sites;
    }

    /** The site, or null when there is none. */
    Uni<SiteAccess> site(UUID siteId) {
        Entry entry = entries.get(siteId);
        if (entry != null && entry.expiresAt > System.currentTimeMillis()) {
            return Uni.createFrom().item(entry.access);
        }
        return sites.siteAccess(siteId).invoke(access -> {
            if (access != null) {
                entries.put(siteId, new Entry(access, System.currentTimeMillis() + TTL_MILLIS));
                knownVersions.add(siteId + "/" + access.currentBannerVersion());
            }
        });
    }

    Uni<Boolean> versionExists(UUID siteId, String version) {
        String key = siteId + "/" + version;
        if (knownVersions.contains(key)) {
            return Uni.createFrom().item(true);
        }
        return sites.bannerVersionExists(siteId, version).invoke(exists -> {
            if (exists) {
                knownVersions.add(key);
            }
        });
    }

    /** The site changed or was deleted, here or on another instance: ask again. */
    void forget(@Observes BannerInvalidated invalidated) {
        entries.remove(invalidated.siteId());
    }

    private record Entry(SiteAccess access, long expiresAt) {
    }
}
