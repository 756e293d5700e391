package dev.akkoord.scan;

import dev.akkoord.scan.crawl.CrawlGate;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fencing token of one attempt at a scan. Starting a scan bumps {@code scans.attempts}; the number a worker got
 * is its token, and every write it makes for the scan is conditional on that number still being the scan's (see
 * {@link ScanRepository}). So a worker paused past its takeover (a long GC pause, a frozen VM) writes nothing when it
 * wakes: the database refuses it, whatever the worker believes.
 *
 * <p>As the crawl's gate it also keeps such a worker from fetching: before a request it asks the database again
 * when its last confirmation is older than {@code trust}, and fails with {@link AttemptSuperseded} once the token is
 * not current. Trust is one poll interval and at most a quarter of the takeover time, while a worker renews its
 * claim every quarter: one paused long enough to be taken over has always outlived its trust, and asks first.
 */
final class AttemptFence implements CrawlGate {

    private final ScanRepository scans;
    private final UUID scanId;
    private final int attempt;
    private final long trustNanos;
    /** {@link System#nanoTime()} when the last confirmation was asked for (not answered: a pause may come between). */
    private final AtomicLong confirmedAt;
    private volatile boolean superseded;

    /**
     * @param startedAt {@link System#nanoTime()} before the scan was started, which confirmed the token first
     */
    AttemptFence(ScanRepository scans, ScanRow started, long startedAt, Duration trust) {
        this.scans = scans;
        this.scanId = started.id();
        this.attempt = started.attempts();
        this.trustNanos = trust.toNanos();
        this.confirmedAt = new AtomicLong(startedAt);
    }

    int attempt() {
        return attempt;
    }

    @Override
    public Uni<Void> check() {
        if (superseded) {
            return Uni.createFrom().failure(failure());
        }
        long asked = System.nanoTime();
        if (asked - confirmedAt.get() < trustNanos) {
            return Uni.createFrom().voidItem();
        }
        return scans.attemptIsCurrent(scanId, attempt).flatMap(current -> {
            if (!current) {
                return Uni.createFrom().failure(supersede());
            }
            confirmedAt.accumulateAndGet(asked, Math::max);
            return Uni.createFrom().voidItem();
        });
    }

    /** Goes on when a guarded write landed; else the attempt is over, and this fails with the reason. */
    Uni<Void> landed(boolean landed) {
        return landed ? Uni.createFrom().voidItem() : Uni.createFrom().failure(supersede());
    }

    /** A guarded write did not land: the attempt is over, and the next {@link #check()} says so without asking. */
    AttemptSuperseded supersede() {
        superseded = true;
        return failure();
    }

    private AttemptSuperseded failure() {
        return new AttemptSuperseded(scanId, attempt);
    }
}
