package dev.akkoord.consent;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Appends consent records to their site's hash chain, durably, in batches.
 *
 * <p>A commit with fsync on costs a disk flush, so one transaction per request caps throughput at the disk's flush
 * rate. Instead requests queue here and each transaction takes everything queued: under load one flush commits
 * hundreds of records. A caller's {@code Uni} completes only after the transaction holding its record committed.
 * The chain head row is locked inside the transaction, so instances sharing a database never fork a chain.
 */
@ApplicationScoped
public class ConsentLedger {

    private static final Logger LOG = Logger.getLogger(ConsentLedger.class);

    private static final String LOCK_HEAD = "INSERT INTO consent_chain_heads (site_id, seq, hash) VALUES ($1, 0, $2) "
            + "ON CONFLICT (site_id) DO UPDATE SET seq = consent_chain_heads.seq RETURNING seq, hash";
    private static final String MOVE_HEAD = "UPDATE consent_chain_heads SET seq = $2, hash = $3 WHERE site_id = $1";
    private static final String INSERT = "INSERT INTO consent_records (site_id, seq, consent_id, recorded_at, action, "
            + "analytical, marketing, banner_version, language, page_url, gpc, ip_truncated, user_agent, prev_hash, "
            + "hash) SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::timestamptz[], $5::text[], "
            + "$6::boolean[], $7::boolean[], $8::text[], $9::text[], $10::text[], $11::boolean[], $12::text[], "
            + "$13::text[], $14::text[], $15::text[]) RETURNING id, site_id, seq";

    private final Pool pool;
    private final int maxBatch;
    private final int maxConcurrentFlushes;
    private final ConcurrentLinkedQueue<Waiting> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger activeFlushes = new AtomicInteger();

    ConsentLedger(Pool pool,
            @ConfigProperty(name = "akkoord.consent.max-batch", defaultValue = "500") int maxBatch,
            @ConfigProperty(name = "akkoord.consent.concurrent-flushes", defaultValue = "4") int maxConcurrentFlushes) {
        this.pool = pool;
        this.maxBatch = maxBatch;
        this.maxConcurrentFlushes = maxConcurrentFlushes;
    }

    /** Completes with the stored record once it is committed. */
    public Uni<ConsentRecord> append(PendingConsent consent) {
        return Uni.createFrom().emitter(emitter -> {
            queue.add(new Waiting(consent, emitter));
            flushIfIdle();
        });
    }

    private void flushIfIdle() {
        while (!queue.isEmpty()) {
            int active = activeFlushes.get();
            if (active >= maxConcurrentFlushes) {
                return;
            }
            if (activeFlushes.compareAndSet(active, active + 1)) {
                List<Waiting> batch = drain();
                if (batch.isEmpty()) {
                    activeFlushes.decrementAndGet();
                    return;
                }
                pool.withTransaction(connection -> write(connection, batch))
                        .subscribe().with(
                                stored -> finished(batch, stored, null),
                                failure -> finished(batch, null, failure));
            }
        }
    }

    private List<Waiting> drain() {
        List<Waiting> batch = new ArrayList<>();
        Waiting next;
        while (batch.size() < maxBatch && (next = queue.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }

    private void finished(List<Waiting> batch, Map<Waiting, ConsentRecord> stored, Throwable failure) {
        activeFlushes.decrementAndGet();
        if (failure != null) {
            LOG.errorf(failure, "Could not store %d consent records", batch.size());
        }
        for (Waiting waiting : batch) {
            if (failure != null) {
                waiting.emitter.fail(new LedgerUnavailableException(failure));
            } else {
                waiting.emitter.complete(stored.get(waiting));
            }
        }
        flushIfIdle();
    }

    private Uni<Map<Waiting, ConsentRecord>> write(SqlConnection connection, List<Waiting> batch) {
        Map<UUID, List<Waiting>> bySite = new TreeMap<>();
        for (Waiting waiting : batch) {
            bySite.computeIfAbsent(waiting.consent.siteId(), id -> new ArrayList<>()).add(waiting);
        }
        Instant recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<Waiting, ConsentRecord> chained = new HashMap<>();
        // Sites are locked in a fixed (sorted) order so two flushes can never deadlock on each other's heads.
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<UUID, List<Waiting>> site : bySite.entrySet()) {
            chain = chain.flatMap(ignored -> connection.preparedQuery(LOCK_HEAD)
                    .execute(Tuple.of(site.getKey(), ChainHash.GENESIS))
                    .flatMap(head -> {
                        Row row = head.iterator().next();
                        long seq = row.getLong("seq");
                        String hash = row.getString("hash");
                        for (Waiting waiting : site.getValue()) {
                            ConsentRecord record = link(waiting.consent, ++seq, hash, recordedAt);
                            chained.put(waiting, record);
                            hash = record.hash();
                        }
                        return connection.preparedQuery(MOVE_HEAD).execute(Tuple.of(site.getKey(), seq, hash));
                    })
                    .replaceWithVoid());
        }
        return chain.flatMap(ignored -> connection.preparedQuery(INSERT).execute(columns(batch, chained)))
                .map(rows -> {
                    Map<String, Long> ids = new HashMap<>();
                    for (Row row : rows) {
                        ids.put(row.getUUID("site_id") + "/" + row.getLong("seq"), row.getLong("id"));
                    }
                    Map<Waiting, ConsentRecord> stored = new HashMap<>();
                    chained.forEach((waiting, record) -> stored.put(waiting,
                            withId(record, ids.get(record.siteId() + "/" + record.seq()))));
                    return stored;
                });
    }

    private static ConsentRecord link(PendingConsent consent, long seq, String prevHash, Instant recordedAt) {
        String action = consent.action().key();
        String hash = ChainHash.of(prevHash, consent.siteId(), seq, consent.consentId(), recordedAt, action,
                consent.analytical(), consent.marketing(), consent.bannerVersion(), consent.language(),
                consent.pageUrl(), consent.gpc(), consent.ipTruncated(), consent.userAgent());
        return new ConsentRecord(0, consent.siteId(), seq, consent.consentId(), recordedAt, action,
                consent.analytical(), consent.marketing(), consent.bannerVersion(), consent.language(),
                consent.pageUrl(), consent.gpc(), consent.ipTruncated(), consent.userAgent(), prevHash, hash);
    }

    private static ConsentRecord withId(ConsentRecord r, long id) {
        return new ConsentRecord(id, r.siteId(), r.seq(), r.consentId(), r.recordedAt(), r.action(), r.analytical(),
                r.marketing(), r.bannerVersion(), r.language(), r.pageUrl(), r.gpc(), r.ipTruncated(),
                r.userAgent(), r.prevHash(), r.hash());
    }

    private static Tuple columns(List<Waiting> batch, Map<Waiting, ConsentRecord> chained) {
        int n = batch.size();
        UUID[] sites = new UUID[n];
        Long[] seqs = new Long[n];
        String[] consentIds = new String[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        String[] actions = new String[n];
        Boolean[] analytical = new Boolean[n];
        Boolean[] marketing = new Boolean[n];
        String[] versions = new String[n];
        String[] languages = new String[n];
        String[] pages = new String[n];
        Boolean[] gpc = new Boolean[n];
        String[] ips = new String[n];
        String[] agents = new String[n];
        String[] prevHashes = new String[n];
        String[] hashes = new String[n];
        for (int i = 0; i < n; i++) {
            ConsentRecord r = chained.get(batch.get(i));
            sites[i] = r.siteId();
            seqs[i] = r.seq();
            consentIds[i] = r.consentId();
            times[i] = r.recordedAt().atOffset(ZoneOffset.UTC);
            actions[i] = r.action();
            analytical[i] = r.analytical();
            marketing[i] = r.marketing();
            versions[i] = r.bannerVersion();
            languages[i] = r.language();
            pages[i] = r.pageUrl();
            gpc[i] = r.gpc();
            ips[i] = r.ipTruncated();
            agents[i] = r.userAgent();
            prevHashes[i] = r.prevHash();
            hashes[i] = r.hash();
        }
        return Tuple.tuple().addArrayOfUUID(sites).addArrayOfLong(seqs).addArrayOfString(consentIds)
                .addArrayOfOffsetDateTime(times).addArrayOfString(actions).addArrayOfBoolean(analytical)
                .addArrayOfBoolean(marketing).addArrayOfString(versions).addArrayOfString(languages)
                .addArrayOfString(pages).addArrayOfBoolean(gpc).addArrayOfString(ips).addArrayOfString(agents)
                .addArrayOfString(prevHashes).addArrayOfString(hashes);
    }

    private record Waiting(PendingConsent consent, UniEmitter<? super ConsentRecord> emitter) {
    }

    /** The database could not take the batch; the caller gets a 503 and may retry (the banner's outbox does). */
    static final class LedgerUnavailableException extends RuntimeException {
        LedgerUnavailableException(Throwable cause) {
            super("Consent records cannot be stored right now", cause);
        }
    }
}
