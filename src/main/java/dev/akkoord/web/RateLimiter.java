package dev.akkoord.web;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;

/**
 * Fixed-window counters in Redis, shared by every instance. When Redis is unreachable the limit fails open:
 * recording consent and serving the banner matter more than throttling, and a metric shows it happened.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    private final RedisCounters counters;
    private final ReactiveValueCommands<String, Long> values;
    private final Counter failOpen;

    RateLimiter(ReactiveRedisDataSource redis, MeterRegistry metrics,
            @ConfigProperty(name = "quarkus.redis.timeout", defaultValue = "2s") Duration timeout) {
        this.counters = new RedisCounters(redis.getRedis(), timeout);
        this.values = redis.value(Long.class);
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
        return count(key, window)
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

    /** Counts one event against {@code key} in the current window; yields the window's count (0 without Redis). */
    public Uni<Long> count(String key, Duration window) {
        return counters.increment(windowKey(key, window), window.toSeconds() + 1)
                .onFailure().recoverWithItem(this::failedOpen);
    }

    /** The current window's count of {@code key}, without counting (0 without Redis). */
    public Uni<Long> current(String key, Duration window) {
        return values.get(windowKey(key, window)).map(count -> count == null ? 0L : count)
                .onFailure().recoverWithItem(this::failedOpen);
    }

    private long failedOpen(Throwable failure) {
        failOpen.increment();
        LOG.debugf("Rate limit skipped, Redis unavailable: %s", failure.getMessage());
        return 0L;
    }

    private static String windowKey(String key, Duration window) {
        return "akkoord:rl:" + key + ":" + System.currentTimeMillis() / 1000 / window.toSeconds();
    }
}
