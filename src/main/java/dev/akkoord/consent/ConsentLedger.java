package dev.akkoord.consent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.akkoord.web.Outages;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Appends consent records to their site's hash chain, durably, in batches.
 *
 * <p>A commit with fsync on costs a disk flush, so one transaction per request caps throughput at the disk's flush
 * rate. Instead decisions queue per site and each append takes everything queued: under load one commit stores
 * hundreds of records. Several appends per site (three by default) can be in flight, pipelined on one connection, each
 * chained onto where the one before will end, so the database never waits for this service between two commits (see
 * {@link SiteChain}). A caller's {@code Uni} completes only after the statement holding its record committed.
 *
 * <p>An append is one statement, so one round trip and one commit: it moves the chain head from where it expects
 * it and inserts the records, or, if the head is elsewhere, does nothing. Then (and for a site's first append) the
 * head is locked in a transaction and the batch chained from it, so instances sharing a database never fork a chain.
 */
@ApplicationScoped
public class ConsentLedger {

    private static final Logger LOG = Logger.getLogger(ConsentLedger.class);

    private final Pool pool;
    private final Outages outages;
    private final SigningKeys keys;
    private final Checkpointer checkpointer;
    private final int maxBatch;
    private final int maxInFlight;
    private final Vertx vertx;
    /** Every chain's state lives on this one event loop, so appends leave in the order they were chained. */
    private volatile Context context;
    private final Map<UUID, SiteChain> chains = new HashMap<>();
    private final Queue<Waiting> arrivals = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Timer appendTime;
    private final DistributionSummary batchSize;
    private final Counter chainedAppends;
    private final Counter lockedAppends;

    ConsentLedger(Pool pool, Vertx vertx, MeterRegistry metrics, Outages outages, SigningKeys keys,
            Checkpointer checkpointer,
            @ConfigProperty(name = "akkoord.consent.max-batch", defaultValue = "1000") int maxBatch,
            @ConfigProperty(name = "akkoord.consent.appends-in-flight", defaultValue = "3") int maxInFlight) {
        this.pool = pool;
        this.outages = outages;
        this.keys = keys;
        this.checkpointer = checkpointer;
        this.maxBatch = maxBatch;
        this.maxInFlight = maxInFlight;
        this.vertx = vertx;
        this.appendTime = Timer.builder("akkoord.ledger.append")
                .description("Time from sending a batch of consent records to its commit").register(metrics);
        this.batchSize = DistributionSummary.builder("akkoord.ledger.batch.size")
                .description("Consent records committed together").register(metrics);
        this.chainedAppends = appends(metrics, "chained");
        this.lockedAppends = appends(metrics, "locked");
    }

    /** How appends found the head: chained onto the one before, or after locking it. */
    private static Counter appends(MeterRegistry metrics, String path) {
        return Counter.builder("akkoord.ledger.appends").tag("path", path)
                .description("Batches of consent records sent to the database").register(metrics);
    }

    /** Called on the main thread, where Vert.x hands out a new event-loop context rather than a request's. */
    void createContext(@Observes StartupEvent started) {
        context = vertx.getOrCreateContext();
    }

    /** Completes with the stored record and its signed receipt once it is committed. */
    public Uni<StoredConsent> append(PendingConsent consent) {
        return Uni.createFrom().emitter(emitter -> {
            arrivals.add(new Waiting(consent, emitter, Vertx.currentContext()));
            // One hop to the ledger's event loop takes everything that arrived meanwhile.
            if (drainScheduled.compareAndSet(false, true)) {
                context.runOnContext(ignored -> drainArrivals());
            }
        });
    }

    private void drainArrivals() {
        drainScheduled.set(false);
        Map<SiteChain, List<Waiting>> bySite = new LinkedHashMap<>();
        Waiting arrival;
        while ((arrival = arrivals.poll()) != null) {
            SiteChain chain = chains.computeIfAbsent(arrival.consent().siteId(),
                    siteId -> new SiteChain(siteId, maxBatch, maxInFlight,
                            () -> pool.getConnection().memoize().indefinitely()));
            bySite.computeIfAbsent(chain, ignored -> new ArrayList<>()).add(arrival);
        }
        bySite.forEach((chain, decisions) -> proceed(chain, chain.offer(decisions)));
    }

    /** Sends what is due first, so the database works while the settled appends are answered. */
    private void proceed(SiteChain chain, SiteChain.Next next) {
        for (SiteChain.Append append : next.send()) {
            send(chain, append);
        }
        if (next.release() != null) {
            next.release().subscribe().with(SqlConnection::closeAndForget, ignored -> {
            });
        }
        for (SiteChain.Append append : next.answer()) {
            answer(chain, append);
        }
    }

    private void send(SiteChain chain, SiteChain.Append append) {
        (append.from == null ? lockedAppends : chainedAppends).increment();
        long started = System.nanoTime();
        Uni<List<ConsentRecord>> stored = append.from == null ? appendLocked(chain.siteId, append.batch)
                : append.lane.flatMap(lane -> appendAt(lane, chain.siteId, append.from, append.linked));
        stored.subscribe().with(
                records -> {
                    if (records != null) {
                        appendTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                        batchSize.record(records.size());
                    }
                    context.runOnContext(ignored -> proceed(chain, chain.settle(append,
                            records == null ? SiteChain.Outcome.HEAD_ELSEWHERE : SiteChain.Outcome.STORED,
                            records, null)));
                },
                failure -> context.runOnContext(ignored -> proceed(chain,
                        chain.settle(append, SiteChain.Outcome.FAILED, null, failure))));
    }

    /** Locks the head row, then appends at it: nobody can move it in between. */
    private Uni<List<ConsentRecord>> appendLocked(UUID siteId, List<Waiting> batch) {
        return pool.withTransaction(connection -> connection.preparedQuery(LedgerStatements.LOCK_HEAD)
                .execute(Tuple.of(siteId, ChainHash.GENESIS))
                .flatMap(rows -> {
                    Row row = rows.iterator().next();
                    SiteChain.Head head = new SiteChain.Head(row.getLong("seq"), row.getString("hash"), null);
                    return appendAt(connection, siteId, head, SiteChain.link(batch, head));
                })
                .map(records -> {
                    if (records == null) {
                        throw new IllegalStateException("The locked chain head of site " + siteId + " moved");
                    }
                    return records;
                }));
    }

    /** Stores records chained onto {@code from}; null when the head is no longer there. */
    private static Uni<List<ConsentRecord>> appendAt(SqlClient client, UUID siteId, SiteChain.Head from,
            List<ConsentRecord> records) {
        return client.preparedQuery(LedgerStatements.APPEND)
                .execute(LedgerStatements.append(siteId, from, records))
                .map(rows -> rows.rowCount() == 0 ? null : LedgerStatements.withIds(records, rows));
    }

    private void answer(SiteChain chain, SiteChain.Append append) {
        if (append.outcome == SiteChain.Outcome.STORED) {
            // One signature per batch, not per consent: receipts prove membership through the batch's Merkle root.
            List<SignedReceipt> receipts = ReceiptBatch.sign(append.stored, keys);
            for (int i = 0; i < append.batch.size(); i++) {
                append.batch.get(i).complete(new StoredConsent(append.stored.get(i), receipts.get(i)));
            }
            checkpointer.appended(append.stored).subscribe().with(ignored -> {
            });
        } else {
            // A database outage is logged once by Outages, not once per batch while it lasts.
            if (!outages.noticed(append.failure)) {
                LOG.errorf(append.failure, "Could not store %d consent records of site %s", append.batch.size(),
                        chain.siteId);
            }
            LedgerUnavailableException failure = new LedgerUnavailableException(append.failure);
            for (Waiting waiting : append.batch) {
                waiting.fail(failure);
            }
        }
    }

    /** A decision waiting for its commit, and where its request runs, so its answer is written there. */
    record Waiting(PendingConsent consent, UniEmitter<? super StoredConsent> emitter, Context context) {

        void complete(StoredConsent record) {
            if (context == null) {
                emitter.complete(record);
            } else {
                context.runOnContext(ignored -> emitter.complete(record));
            }
        }

        void fail(Throwable failure) {
            if (context == null) {
                emitter.fail(failure);
            } else {
                context.runOnContext(ignored -> emitter.fail(failure));
            }
        }
    }

    /** The database could not take the batch; the caller gets a 503 and may retry (the banner's outbox does). */
    static final class LedgerUnavailableException extends RuntimeException {
        LedgerUnavailableException(Throwable cause) {
            super("Consent records cannot be stored right now", cause);
        }
    }
}
