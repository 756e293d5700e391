package dev.akkoord.web;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;

/**
 * Fixed-window counters in Redis, shared by every instance. When Redis is unreachable the limit fails open:
 * recording consent and serving the banner matter more than throttling, and a metric shows it happened.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    private final ReactiveValueCommands<String, Long> counters;
    private final ReactiveKeyCommands<String> keys;
    private final Counter failOpen;

    RateLimiter(ReactiveRedisDataSource redis, MeterRegistry metrics) {
        this.counters = redis.value(Long.class);
        this.keys = redis.key();
        this.failOpen = Counter.builder("akkoord.ratelimit.fail.open")
                .description("Requests let through because Redis could not be asked").register(metrics);
    }

    /**
     * Counts one request against {@code key}; fails with a 429 problem carrying Retry-After once more than
     * {@code limit} requests were counted in the current window.
     */
    public Uni<Void> check(String key, int limit, Duration window) {
        long windowSeconds = window.toSeconds();
        long windowIndex = System.currentTimeMillis() / 1000 / windowSeconds;
        String windowKey = "akkoord:rl:" + key + ":" + windowIndex;
        return counters.incr(windowKey)
                .call(count -> count == 1 ? keys.expire(windowKey, window.plusSeconds(1)) : Uni.createFrom().nullItem())
                .onFailure().recoverWithItem(failure -> {
                    failOpen.increment();
                    LOG.debugf("Rate limit skipped, Redis unavailable: %s", failure.getMessage());
                    return 0L;
                })
                .map(count -> {
                    if (count > limit) {
                        long retryAfter = Math.max(1, (windowIndex + 1) * windowSeconds
                                - System.currentTimeMillis() / 1000);
                        throw new ProblemException(429, "Too Many Requests",
                                "More than " + limit + " requests in " + windowSeconds + " s; retry later",
                                Map.of("retryAfter", retryAfter));
                    }
                    return null;
                });
    }
}
