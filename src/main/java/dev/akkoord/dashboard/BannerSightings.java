package dev.akkoord.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.akkoord.site.BannerFetched;
import dev.akkoord.site.Domains;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.smallrye.mutiny.Uni;

/**
 * Remembers, per site and page origin, when the banner last fetched its config: a Redis hash shared by all
 * instances. Each instance writes a given site and origin at most once a minute, so a busy site costs Redis
 * almost nothing. Origins are checked against the site's domains only when shown, which keeps the banner's
 * request path free of database reads; the hash is capped so made-up Origin headers cannot grow it.
 */
@ApplicationScoped
public class BannerSightings {

    /** What the dashboard calls "recently". */
    public static final Duration RECENT = Duration.ofHours(24);
    private static final Logger LOG = Logger.getLogger(BannerSightings.class);
    private static final long WRITE_EVERY_MILLIS = 60_000;
    private static final int MAX_ORIGINS = 50;
    private static final int MAX_REMEMBERED = 10_000;
    private static final Duration KEEP = Duration.ofDays(30);

    private final ReactiveHashCommands<String, String, Long> hashes;
    private final ReactiveKeyCommands<String> keys;
    private final Map<String, Long> lastWrites = new ConcurrentHashMap<>();

    BannerSightings(ReactiveRedisDataSource redis) {
        this.hashes = redis.hash(String.class, String.class, Long.class);
        this.keys = redis.key();
    }

    /** A sighting of a banner on a page of {@code origin}, and when. */
    public record Sighting(String origin, Instant at, boolean onSiteDomain) {

        public boolean recent() {
            return at.isAfter(Instant.now().minus(RECENT));
        }
    }

    void onBannerFetched(@Observes BannerFetched fetched) {
        if (fetched.origin() == null || fetched.origin().length() > 300) {
            return;
        }
        long now = System.currentTimeMillis();
        String memo = fetched.siteId() + " " + fetched.origin();
        Long last = lastWrites.get(memo);
        if (last != null && now - last < WRITE_EVERY_MILLIS) {
            return;
        }
        if (lastWrites.size() > MAX_REMEMBERED) {
            lastWrites.clear();
        }
        lastWrites.put(memo, now);
        String key = key(fetched.siteId());
        hashes.hset(key, fetched.origin(), now)
                .flatMap(added -> hashes.hlen(key))
                .flatMap(size -> size > MAX_ORIGINS ? keys.del(key).replaceWith(true) : keys.expire(key, KEEP))
                .subscribe().with(ignored -> {
                }, failure -> LOG.debugf("Banner sighting not recorded: %s", failure.getMessage()));
    }

    /** Sightings of the site's banner, newest first; those on the site's own domains are marked. */
    public Uni<List<Sighting>> sightings(UUID siteId, List<String> domains) {
        return hashes.hgetall(key(siteId)).map(all -> {
            List<Sighting> sightings = new ArrayList<>();
            all.forEach((origin, at) -> sightings.add(new Sighting(origin, Instant.ofEpochMilli(at),
                    Domains.allowsOrigin(domains, origin))));
            sightings.sort(Comparator.comparing(Sighting::at).reversed());
            return sightings;
        }).onFailure().recoverWithItem(List.of());
    }

    private static String key(UUID siteId) {
        return "akkoord:banner-seen:" + siteId;
    }
}
