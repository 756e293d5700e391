package dev.akkoord.scan;

import dev.akkoord.web.Outages;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Takes queued scans off the shared stream and runs them, a bounded number at a time. Every instance runs one
 * worker under its own consumer name. Entries another worker took and left untouched for {@code claim-after} are
 * taken over (XAUTOCLAIM): that worker is presumed dead. Running entries are touched regularly so that a long scan
 * is not taken over while it is alive. Should the presumed dead wake up, its run is fenced off ({@link AttemptFence}).
 */
@ApplicationScoped
public class ScanWorker {

    private static final Logger LOG = Logger.getLogger(ScanWorker.class);

    private final ScanQueue queue;
    private final ScanRunner runner;
    private final ScanConfig config;
    private final Outages outages;
    private final String consumer = "scanner-" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, UUID> running = new ConcurrentHashMap<>();
    private volatile long lastTouch;

    ScanWorker(ScanQueue queue, ScanRunner runner, ScanConfig config, Outages outages) {
        this.queue = queue;
        this.runner = runner;
        this.config = config;
        this.outages = outages;
    }

    public String consumer() {
        return consumer;
    }

    /** Scans running on this instance now. */
    public int running() {
        return running.size();
    }

    @Scheduled(every = "{akkoord.scan.poll-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledPoll() {
        // Polled every few seconds: an outage of Redis or PostgreSQL is logged once by Outages, not at every poll.
        return poll().onFailure().invoke(failure -> {
            if (!outages.noticed(failure)) {
                LOG.warnf("Scan queue not read: %s", failure.getMessage());
            }
        })
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Renews claims, takes over stale entries, then new ones, up to the free slots. Returns how many started. */
    public Uni<Integer> poll() {
        return touchRunning().flatMap(v -> {
            int free = config.workers() - running.size();
            if (free <= 0) {
                return Uni.createFrom().item(0);
            }
            return queue.claimStale(consumer, config.claimAfter(), free).flatMap(stale -> {
                int started = start(stale);
                int left = config.workers() - running.size();
                if (left <= 0) {
                    return Uni.createFrom().item(started);
                }
                return queue.readNew(consumer, left).map(fresh -> started + start(fresh));
            });
        });
    }

    private Uni<Void> touchRunning() {
        long now = System.currentTimeMillis();
        if (running.isEmpty() || now - lastTouch < config.claimAfter().toMillis() / 4) {
            return Uni.createFrom().voidItem();
        }
        lastTouch = now;
        return queue.touch(consumer, new ArrayList<>(running.keySet()));
    }

    private int start(List<ScanQueue.Entry> entries) {
        int started = 0;
        for (ScanQueue.Entry entry : entries) {
            if (!entry.isScan()) {
                queue.ack(entry.id()).subscribe().with(ok -> {
                }, failure -> LOG.debugf("Entry %s not acknowledged: %s", entry.id(), failure.getMessage()));
                continue;
            }
            if (running.putIfAbsent(entry.id(), entry.scanId()) != null) {
                continue; // already running here
            }
            started++;
            runner.run(entry.scanId(), consumer)
                    // A superseded run leaves the entry to the worker that took it over: acknowledging it here
                    // would lose the scan should that worker die too.
                    .call(outcome -> outcome == ScanRunner.Outcome.FINISHED ? queue.ack(entry.id())
                            : Uni.createFrom().voidItem())
                    .onTermination().invoke(() -> running.remove(entry.id()))
                    .subscribe().with(ok -> {
                    }, failure -> {
                        if (!outages.noticed(failure)) { // an outage interrupts every scan: one line for all
                            LOG.warnf("Scan %s interrupted, it will be retried: %s", entry.scanId(),
                                    failure.getMessage());
                        }
                    });
        }
        return started;
    }
}
