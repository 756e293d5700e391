package dev.akkoord.site;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Each site's current banner version as the database has it, remembered for a second. Cached banners are looked up
 * under this version, so a cache entry from before a change is never served again, even when the change could not
 * reach Redis (Redis down, then back with its old contents from the append-only file). Another instance sees a
 * change within {@link #MAX_AGE}; the instance that made it sees it at once.
 */
@ApplicationScoped
public class BannerVersions {

    static final Duration MAX_AGE = Duration.ofSeconds(1);

    private record Remembered(String version, long until) {
    }

    private final Map<UUID, Remembered> remembered = new ConcurrentHashMap<>();

    /** The current version, or null when there is no such site. */
    Uni<String> current(UUID siteId) {
        String known = known(siteId);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return Panache.withSession(() -> Site.<Site>findById(siteId)).map(Site::live).map(site -> {
            if (site == null) {
                remembered.remove(siteId);
                return null;
            }
            remember(siteId, site.currentBannerVersion);
            return site.currentBannerVersion;
        });
    }

    /** The version remembered and not older than {@link #MAX_AGE}, or null: what {@link #current} has without I/O. */
    String known(UUID siteId) {
        Remembered known = remembered.get(siteId);
        return known != null && System.nanoTime() - known.until() < 0 ? known.version() : null;
    }

    /** Word of a change from elsewhere: the next request asks the database. */
    void forget(UUID siteId) {
        remembered.remove(siteId);
    }

    /** After a committed change on this instance. */
    void changed(UUID siteId, String version) {
        remember(siteId, version);
    }

    private void remember(UUID siteId, String version) {
        remembered.put(siteId, new Remembered(version, System.nanoTime() + MAX_AGE.toNanos()));
    }
}
