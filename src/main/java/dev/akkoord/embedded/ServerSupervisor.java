package dev.akkoord.embedded;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

/**
 * Restarts an embedded server whose process is gone: killed, crashed, or exited on its own (PostgreSQL does on a full
 * disk). Attempts back off from {@link #FIRST_DELAY} to {@link #LONGEST_DELAY} and never give up, so the server comes
 * back once its cause is gone (the disk freed). One WARN per death, one INFO when the server is back; the service's
 * connection pools reconnect on their own, and readiness is DOWN meanwhile because its checks reach the server.
 */
final class ServerSupervisor {

    static final Duration FIRST_DELAY = Duration.ofMillis(500);
    static final Duration LONGEST_DELAY = Duration.ofSeconds(10);
    private static final Duration POLL_EVERY = Duration.ofMillis(250);
    private static final Logger LOG = Logger.getLogger(ServerSupervisor.class);

    private final List<Thread> watchers = new ArrayList<>();
    private volatile boolean stopping;

    /** Watches {@code server} from a daemon thread of its own until {@link #stop()}. */
    void watch(Supervised server) {
        Thread watcher = new Thread(() -> keepAlive(server), "akkoord-supervisor-" + server.name().toLowerCase());
        watcher.setDaemon(true);
        watchers.add(watcher);
        watcher.start();
    }

    /** Before the servers are stopped at shutdown, so that stopping them is not taken for a death. */
    void stop() {
        stopping = true;
        for (Thread watcher : watchers) {
            watcher.interrupt();
            try {
                watcher.join(Duration.ofSeconds(20).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void keepAlive(Supervised server) {
        try {
            while (!stopping) {
                Thread.sleep(POLL_EVERY.toMillis());
                if (!stopping && !server.isRunning()) {
                    LOG.warnf("Embedded %s is not running any more; restarting it (retrying for as long as it takes)",
                            server.name());
                    bringBack(server);
                }
            }
        } catch (InterruptedException e) {
            // stopping
        }
    }

    private void bringBack(Supervised server) throws InterruptedException {
        Duration delay = FIRST_DELAY;
        for (int attempt = 1; !stopping; attempt++) {
            Thread.sleep(delay.toMillis());
            try {
                server.restart();
                LOG.infof("Embedded %s is back (attempt %d)", server.name(), attempt);
                return;
            } catch (IOException | RuntimeException e) {
                LOG.debugf(e, "Embedded %s did not come back at attempt %d", server.name(), attempt);
            }
            delay = nextDelay(delay);
        }
    }

    static Duration nextDelay(Duration delay) {
        Duration doubled = delay.multipliedBy(2);
        return doubled.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : doubled;
    }
}
