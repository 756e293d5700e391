package dev.akkoord.consent;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One site's queue in the {@link ConsentLedger}: decisions waiting for the next append, whether an append is in
 * flight, and where this instance last saw the chain head. At most one append per site is in flight, since each
 * continues from the hash of the one before it.
 */
final class SiteChain {

    /** The chain's last record as this instance knows it; {@code recordedAt} is null when read from the head row. */
    record Head(long seq, String hash, Instant recordedAt) {
    }

    final UUID siteId;
    private final ArrayDeque<ConsentLedger.Waiting> waiting = new ArrayDeque<>();
    private boolean appending;
    private Head head;

    SiteChain(UUID siteId) {
        this.siteId = siteId;
    }

    /** Queues a decision; returns the batch to append now if no append is in flight, else null. */
    synchronized List<ConsentLedger.Waiting> enqueue(ConsentLedger.Waiting decision, int maxBatch) {
        waiting.add(decision);
        if (appending) {
            return null;
        }
        appending = true;
        return take(maxBatch);
    }

    /** After an append: the next batch to append, or null (and no append in flight) when nothing is waiting. */
    synchronized List<ConsentLedger.Waiting> nextBatch(int maxBatch) {
        if (waiting.isEmpty()) {
            appending = false;
            return null;
        }
        return take(maxBatch);
    }

    synchronized Head knownHead() {
        return head;
    }

    /** Where the head is now, or null when unknown (after a failure it must be read from the database again). */
    synchronized void moved(Head newHead) {
        head = newHead;
    }

    private List<ConsentLedger.Waiting> take(int maxBatch) {
        List<ConsentLedger.Waiting> batch = new ArrayList<>(Math.min(waiting.size(), maxBatch));
        while (batch.size() < maxBatch && !waiting.isEmpty()) {
            batch.add(waiting.poll());
        }
        return batch;
    }
}
