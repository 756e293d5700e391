package dev.akkoord.consent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * One site's part of the {@link ConsentLedger}: decisions waiting for the next append, and the appends on their way,
 * in chain order. Each append continues from the hash where the one before it ends, so several can be in flight at
 * once and the database takes the next batch while the previous one commits. They travel one after the other on one
 * connection (the site's lane, held while anything is in flight), so the database sees them in chain order.
 * Outcomes are settled in chain order: an append can only have succeeded if every append before it did.
 *
 * <p>Not thread-safe: the ledger confines every chain to its own event loop.
 */
final class SiteChain {

    /** The chain's last record; {@code recordedAt} is null when only the head row was read. */
    record Head(long seq, String hash, Instant recordedAt) {
    }

    enum Outcome {
        /** Committed. */
        STORED,
        /** Nothing stored: the chain head was not where the append expected it. */
        HEAD_ELSEWHERE,
        /** The database refused or could not be reached; nothing stored. */
        FAILED
    }

    /**
     * A batch on its way, on the site's lane. Without {@code from} it locks the chain head in a transaction of its
     * own and links the records itself.
     */
    static final class Append {
        final List<ConsentLedger.Waiting> batch;
        final Head from;
        final List<ConsentRecord> linked;
        final Uni<SqlConnection> lane;
        Outcome outcome;
        List<ConsentRecord> stored;
        Throwable failure;

        Append(List<ConsentLedger.Waiting> batch, Head from, Uni<SqlConnection> lane) {
            this.batch = batch;
            this.from = from;
            this.lane = lane;
            this.linked = from == null ? null : link(batch, from);
        }

        Head to() {
            ConsentRecord last = linked.get(linked.size() - 1);
            return new Head(last.seq(), last.hash(), last.recordedAt());
        }
    }

    /**
     * What to do after the state changed: appends to send (first), settled appends to answer, and a lane nothing
     * is in flight on any more, to give back (or null).
     */
    record Next(List<Append> send, List<Append> answer, Uni<SqlConnection> release) {
    }

    final UUID siteId;
    private final int maxBatch;
    private final int maxInFlight;
    private final Supplier<Uni<SqlConnection>> connect;
    private Uni<SqlConnection> lane;
    private final ArrayDeque<ConsentLedger.Waiting> waiting = new ArrayDeque<>();
    private final ArrayDeque<Append> inFlight = new ArrayDeque<>();
    /** Where the chain ends once everything in flight is stored; null when unknown (the next append locks). */
    private Head tail;

    SiteChain(UUID siteId, int maxBatch, int maxInFlight, Supplier<Uni<SqlConnection>> connect) {
        this.siteId = siteId;
        this.maxBatch = maxBatch;
        this.maxInFlight = maxInFlight;
        this.connect = connect;
    }

    Next offer(List<ConsentLedger.Waiting> decisions) {
        waiting.addAll(decisions);
        List<Append> send = new ArrayList<>(1);
        fill(send);
        return new Next(send, List.of(), null);
    }

    /** Records how an append ended and settles, in chain order, every append whose turn it is. */
    Next settle(Append append, Outcome outcome, List<ConsentRecord> stored, Throwable failure) {
        append.outcome = outcome;
        append.stored = stored;
        append.failure = failure;
        List<Append> send = new ArrayList<>(2);
        List<Append> answer = new ArrayList<>(2);
        List<ConsentLedger.Waiting> again = new ArrayList<>();
        while (!inFlight.isEmpty() && inFlight.peekFirst().outcome != null) {
            Append first = inFlight.pollFirst();
            if (first.outcome == Outcome.STORED) {
                answer.add(first);
                if (first.from == null) {
                    ConsentRecord last = first.stored.get(first.stored.size() - 1);
                    tail = new Head(last.seq(), last.hash(), last.recordedAt());
                }
            } else if (first.outcome == Outcome.FAILED) {
                answer.add(first);
                tail = null;
            } else {
                // Another instance moved the head, or the append this one was chained onto failed: chain these
                // decisions again, from the head as it really is (the next append locks it and reads it).
                again.addAll(first.batch);
                tail = null;
            }
        }
        for (int i = again.size() - 1; i >= 0; i--) {
            waiting.addFirst(again.get(i));
        }
        Uni<SqlConnection> release = null;
        if (inFlight.isEmpty()) {
            release = lane;
            lane = null;
        }
        fill(send);
        return new Next(send, answer, release);
    }

    private void fill(List<Append> send) {
        while (inFlight.size() < maxInFlight && !waiting.isEmpty()) {
            if (tail == null) {
                if (inFlight.isEmpty()) {
                    Append locking = new Append(take(), null, null);
                    inFlight.add(locking);
                    send.add(locking);
                }
                // Until it (or what is still in flight) settles, nobody knows where the chain ends.
                return;
            }
            if (lane == null) {
                lane = connect.get();
            }
            Append append = new Append(take(), tail, lane);
            tail = append.to();
            inFlight.add(append);
            send.add(append);
        }
    }

    private List<ConsentLedger.Waiting> take() {
        List<ConsentLedger.Waiting> batch = new ArrayList<>(Math.min(waiting.size(), maxBatch));
        while (batch.size() < maxBatch && !waiting.isEmpty()) {
            batch.add(waiting.poll());
        }
        return batch;
    }

    /** Chains the batch onto {@code from}: each record's hash covers the one before it. */
    static List<ConsentRecord> link(List<ConsentLedger.Waiting> batch, Head from) {
        // Never earlier than the record before it, so a site's records are in time order as well as seq order.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant recordedAt = from.recordedAt() != null && from.recordedAt().isAfter(now) ? from.recordedAt() : now;
        List<ConsentRecord> records = new ArrayList<>(batch.size());
        long seq = from.seq();
        String prevHash = from.hash();
        for (ConsentLedger.Waiting waiting : batch) {
            PendingConsent consent = waiting.consent();
            String action = consent.action().key();
            String hash = ChainHash.of(prevHash, consent.siteId(), ++seq, consent.consentId(), recordedAt, action,
                    consent.analytical(), consent.marketing(), consent.bannerVersion(), consent.language(),
                    consent.pageUrl(), consent.gpc(), consent.ipTruncated(), consent.userAgent());
            records.add(new ConsentRecord(0, consent.siteId(), seq, consent.consentId(), recordedAt, action,
                    consent.analytical(), consent.marketing(), consent.bannerVersion(), consent.language(),
                    consent.pageUrl(), consent.gpc(), consent.ipTruncated(), consent.userAgent(), prevHash, hash));
            prevHash = hash;
        }
        return records;
    }
}
