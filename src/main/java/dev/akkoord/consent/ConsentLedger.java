package dev.akkoord.consent;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Appends consent records to their site's hash chain, durably, in batches.
 *
 * <p>A commit with fsync on costs a disk flush, so one transaction per request caps throughput at the disk's flush
 * rate. Instead each site has one append in flight at a time, and everything that arrives meanwhile goes into the
 * next one: under load one flush commits hundreds of records. A caller's {@code Uni} completes only after the
 * statement holding its record committed.
 *
 * <p>An append is one statement, so one round trip and one commit: it moves the chain head from where this
 * instance last saw it and inserts the records, or, if another instance moved the head meanwhile, does nothing.
 * Then (and for a site's first append) the head is locked in a transaction and the batch chained from it, so
 * instances sharing a database never fork a chain.
 */
@ApplicationScoped
public class ConsentLedger {

    private static final Logger LOG = Logger.getLogger(ConsentLedger.class);

    private static final String LOCK_HEAD = "INSERT INTO consent_chain_heads (site_id, seq, hash) VALUES ($1, 0, $2) "
            + "ON CONFLICT (site_id) DO UPDATE SET seq = consent_chain_heads.seq RETURNING seq, hash";
    private static final String APPEND = "WITH head AS (UPDATE consent_chain_heads SET seq = $16, hash = $17 "
            + "WHERE site_id = $18 AND seq = $19 RETURNING site_id) "
            + "INSERT INTO consent_records (site_id, seq, consent_id, recorded_at, action, analytical, marketing, "
            + "banner_version, language, page_url, gpc, ip_truncated, user_agent, prev_hash, hash) "
            + "SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::timestamptz[], $5::text[], "
            + "$6::boolean[], $7::boolean[], $8::text[], $9::text[], $10::text[], $11::boolean[], $12::text[], "
            + "$13::text[], $14::text[], $15::text[]) WHERE EXISTS (SELECT 1 FROM head) RETURNING id, seq";

    private final Pool pool;
    private final int maxBatch;
    private final Map<UUID, SiteChain> chains = new ConcurrentHashMap<>();
    private final Timer appendTime;
    private final DistributionSummary batchSize;

    ConsentLedger(Pool pool, MeterRegistry metrics,
            @ConfigProperty(name = "akkoord.consent.max-batch", defaultValue = "1000") int maxBatch) {
        this.pool = pool;
        this.maxBatch = maxBatch;
        this.appendTime = Timer.builder("akkoord.ledger.append")
                .description("Time from sending a batch of consent records to its commit").register(metrics);
        this.batchSize = DistributionSummary.builder("akkoord.ledger.batch.size")
                .description("Consent records committed together").register(metrics);
    }

    /** Completes with the stored record once it is committed. */
    public Uni<ConsentRecord> append(PendingConsent consent) {
        return Uni.createFrom().emitter(emitter -> {
            SiteChain chain = chains.computeIfAbsent(consent.siteId(), SiteChain::new);
            List<Waiting> batch = chain.enqueue(new Waiting(consent, emitter), maxBatch);
            if (batch != null) {
                flush(chain, batch);
            }
        });
    }

    private void flush(SiteChain chain, List<Waiting> batch) {
        SiteChain.Head head = chain.knownHead();
        Uni<List<ConsentRecord>> stored = head == null ? appendLocked(chain, batch)
                : appendAt(pool, head, chain, batch)
                        .flatMap(records -> records != null ? Uni.createFrom().item(records)
                                : appendLocked(chain, batch));
        long started = System.nanoTime();
        stored.subscribe().with(
                records -> {
                    appendTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    batchSize.record(records.size());
                    finished(chain, batch, records, null);
                },
                failure -> finished(chain, batch, null, failure));
    }

    /** The slow path: lock the head row, then append at it; nobody can move it in between. */
    private Uni<List<ConsentRecord>> appendLocked(SiteChain chain, List<Waiting> batch) {
        return pool.withTransaction(connection -> connection.preparedQuery(LOCK_HEAD)
                .execute(Tuple.of(chain.siteId, ChainHash.GENESIS))
                .flatMap(rows -> {
                    Row row = rows.iterator().next();
                    SiteChain.Head head = new SiteChain.Head(row.getLong("seq"), row.getString("hash"), null);
                    return appendAt(connection, head, chain, batch);
                })
                .map(records -> {
                    if (records == null) {
                        throw new IllegalStateException("The locked chain head of site " + chain.siteId + " moved");
                    }
                    return records;
                }));
    }

    /** Chains the batch onto {@code head} and stores it; null when the head is no longer where it was. */
    private static Uni<List<ConsentRecord>> appendAt(SqlClient client, SiteChain.Head head, SiteChain chain,
            List<Waiting> batch) {
        // Never earlier than the record before it, so a site's records are in time order as well as seq order.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant recordedAt = head.recordedAt() != null && head.recordedAt().isAfter(now) ? head.recordedAt() : now;
        List<ConsentRecord> records = new ArrayList<>(batch.size());
        long seq = head.seq();
        String hash = head.hash();
        for (Waiting waiting : batch) {
            ConsentRecord record = link(waiting.consent, ++seq, hash, recordedAt);
            records.add(record);
            hash = record.hash();
        }
        return client.preparedQuery(APPEND).execute(columns(records).addLong(seq).addString(hash)
                .addUUID(chain.siteId).addLong(head.seq()))
                .map(rows -> rows.rowCount() == 0 ? null : withIds(records, rows));
    }

    private void finished(SiteChain chain, List<Waiting> batch, List<ConsentRecord> records, Throwable failure) {
        if (failure == null) {
            ConsentRecord last = records.get(records.size() - 1);
            chain.moved(new SiteChain.Head(last.seq(), last.hash(), last.recordedAt()));
        } else {
            LOG.errorf(failure, "Could not store %d consent records of site %s", batch.size(), chain.siteId);
            chain.moved(null);
        }
        // The next append goes out before this batch's answers are written: the database works while we do.
        List<Waiting> next = chain.nextBatch(maxBatch);
        if (next != null) {
            flush(chain, next);
        }
        for (int i = 0; i < batch.size(); i++) {
            if (failure == null) {
                batch.get(i).emitter.complete(records.get(i));
            } else {
                batch.get(i).emitter.fail(new LedgerUnavailableException(failure));
            }
        }
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

    private static List<ConsentRecord> withIds(List<ConsentRecord> records, RowSet<Row> rows) {
        Map<Long, Long> ids = new HashMap<>();
        for (Row row : rows) {
            ids.put(row.getLong("seq"), row.getLong("id"));
        }
        List<ConsentRecord> stored = new ArrayList<>(records.size());
        for (ConsentRecord r : records) {
            stored.add(new ConsentRecord(ids.get(r.seq()), r.siteId(), r.seq(), r.consentId(), r.recordedAt(),
                    r.action(), r.analytical(), r.marketing(), r.bannerVersion(), r.language(), r.pageUrl(), r.gpc(),
                    r.ipTruncated(), r.userAgent(), r.prevHash(), r.hash()));
        }
        return stored;
    }

    private static Tuple columns(List<ConsentRecord> records) {
        int n = records.size();
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
            ConsentRecord r = records.get(i);
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

    record Waiting(PendingConsent consent, UniEmitter<? super ConsentRecord> emitter) {
    }

    /** The database could not take the batch; the caller gets a 503 and may retry (the banner's outbox does). */
    static final class LedgerUnavailableException extends RuntimeException {
        LedgerUnavailableException(Throwable cause) {
            super("Consent records cannot be stored right now", cause);
        }
    }
}
