package dev.akkoord.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Turns "PostgreSQL or Redis cannot be reached" into a 503 with Retry-After, and tells the operator once per outage.
 * <p>
 * During an outage every request fails the same way, so logging each failure buried the log (and not logging them
 * hid the outage). The first such failure asks both servers which one is down; each server found down gets one WARN
 * line and is then asked again every few seconds, quietly, until it answers; only then can a later failure start a
 * new outage and a new WARN line. Failures while an outage is open or being checked are answered without a word
 * (so while one server is down, a failure of the other is put down to the same outage).
 */
@ApplicationScoped
public class Outages {

    /** What the 503 tells clients to wait; about how long a restarted server takes to accept connections again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(Outages.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration LAST_RETRY = Duration.ofSeconds(2);
    private static final Duration BLIP_QUIET = Duration.ofMinutes(1);

    private final List<Server> servers;
    private final AtomicBoolean checking = new AtomicBoolean();
    private final AtomicLong lastBlip = new AtomicLong();
    private volatile boolean stopped;

    Outages(Pool database, ReactiveRedisDataSource redis) {
        this.servers = List.of(
                new Server("PostgreSQL", () -> database.query("SELECT 1").execute()),
                new Server("Redis", () -> redis.execute("PING")));
    }

    /** Whether the failure says a server could not be reached; see {@link Unavailability}. */
    public static boolean isUnavailable(Throwable failure) {
        return Unavailability.isUnavailable(failure);
    }

    /**
     * Records a failure that {@link #isUnavailable} says is an outage and returns the 503 for it. Call it only with
     * such failures.
     */
    public ProblemException unavailable(Throwable failure) {
        noticed(failure);
        return new ProblemException(503, "Service Unavailable",
                "A server Akkoord depends on cannot be reached; retry in a few seconds",
                Map.of("retryAfter", RETRY_AFTER_SECONDS));
    }

    /**
     * For background work (schedulers, workers): records {@code failure} and answers true when it was an outage,
     * which has then been logged once; false when the caller should log it itself.
     */
    public boolean noticed(Throwable failure) {
        if (!isUnavailable(failure)) {
            return false;
        }
        if (servers.stream().noneMatch(Server::down) && checking.compareAndSet(false, true)) {
            Uni.join().all(servers.stream().map(server -> server.check(failure)).toList()).andCollectFailures()
                    .subscribe().with(opened -> {
                        checking.set(false);
                        if (!opened.contains(true)) {
                            blip(failure);
                        }
                    }, ignored -> checking.set(false));
        }
        return true;
    }

    /** A connection failed but both servers answer: worth a line, yet not one per request of a flaky network. */
    private void blip(Throwable failure) {
        long now = System.nanoTime();
        long last = lastBlip.get();
        if ((last == 0 || now - last > BLIP_QUIET.toNanos()) && lastBlip.compareAndSet(last, now)) {
            LOG.warnf("A request failed on a lost connection (%s), although PostgreSQL and Redis answer",
                    describe(failure, failure));
        }
    }

    /** Whether a server is known to be down now (between its WARN line and its first answer). */
    public boolean anyDown() {
        return servers.stream().anyMatch(Server::down);
    }

    @PreDestroy
    void stop() {
        stopped = true;
        servers.forEach(Server::stopWatching);
    }

    private final class Server {

        private final String name;
        private final Supplier<Uni<?>> probe;
        private volatile boolean down;
        private volatile Cancellable watch;

        Server(String name, Supplier<Uni<?>> probe) {
            this.name = name;
            this.probe = probe;
        }

        boolean down() {
            return down;
        }

        /** Asks the server once; when it does not answer, opens its outage. Never fails; true when it opened one. */
        Uni<Boolean> check(Throwable failure) {
            return ask().replaceWith(false).onFailure().recoverWithItem(unanswered -> open(failure, unanswered));
        }

        private boolean open(Throwable failure, Throwable unanswered) {
            if (down || stopped) {
                return down;
            }
            down = true;
            long since = System.nanoTime();
            LOG.warnf("%s cannot be reached (%s); requests that need it answer 503 until it answers again",
                    name, describe(unanswered, failure));
            watch = ask().onFailure().retry().withBackOff(FIRST_RETRY, LAST_RETRY).indefinitely()
                    .subscribe().with(answered -> {
                        down = false;
                        LOG.infof("%s answers again after %d s", name,
                                Duration.ofNanos(System.nanoTime() - since).toSeconds());
                    }, ignored -> down = false);
            return true;
        }

        private Uni<?> ask() {
            if (stopped) {
                return Uni.createFrom().failure(new IllegalStateException("shutting down"));
            }
            return Uni.createFrom().deferred(probe).ifNoItem().after(PROBE_TIMEOUT).fail();
        }

        void stopWatching() {
            Cancellable current = watch;
            if (current != null) {
                current.cancel();
            }
        }
    }

    private static String describe(Throwable unanswered, Throwable failure) {
        String reason = unanswered.getMessage() != null ? unanswered.getMessage() : failure.getMessage();
        return reason != null ? reason : unanswered.getClass().getSimpleName();
    }
}
