package dev.akkoord.site;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.smallrye.mutiny.Uni;

/**
 * Rendered banner configs in Redis, one hash per site with a field per banner version and language. A config is only
 * ever read under the site's current version ({@link BannerVersions}), so an entry from before a change cannot be
 * served, even when dropping the hash failed because Redis was down and Redis then came back with its old contents.
 * Redis being down only costs a database read.
 */
@ApplicationScoped
public class BannerConfigCache {

    private static final Logger LOG = Logger.getLogger(BannerConfigCache.class);
    private static final Duration TTL = Duration.ofHours(1);

    private final ReactiveHashCommands<String, String, String> hashes;
    private final ReactiveKeyCommands<String> keys;
    private final Counter redisFailures;

    BannerConfigCache(ReactiveRedisDataSource redis, MeterRegistry metrics) {
        this.hashes = redis.hash(String.class);
        this.keys = redis.key();
        this.redisFailures = Counter.builder("akkoord.redis.failures")
                .description("Redis calls that failed and were bypassed").tag("use", "banner-cache")
                .register(metrics);
    }

    Uni<String> get(UUID siteId, String version, String language) {
        return hashes.hget(key(siteId), field(version, language)).onFailure().recoverWithItem(this::bypass);
    }

    Uni<Void> put(UUID siteId, String version, String language, String config) {
        String key = key(siteId);
        return hashes.hset(key, field(version, language), config)
                .flatMap(added -> keys.expire(key, TTL))
                .replaceWithVoid()
                .onFailure().recoverWithItem(this::bypass);
    }

    /** Tidies up after a change; correctness does not depend on it (see the class comment). */
    public Uni<Void> invalidate(UUID siteId) {
        return keys.del(key(siteId)).replaceWithVoid()
                .onFailure().recoverWithItem(this::bypass);
    }

    private <T> T bypass(Throwable failure) {
        redisFailures.increment();
        LOG.debugf("Banner cache bypassed: %s", failure.getMessage());
        return null;
    }

    private static String field(String version, String language) {
        return version + ":" + language;
    }

    private static String key(UUID siteId) {
        return "akkoord:banner:" + siteId;
    }
}
