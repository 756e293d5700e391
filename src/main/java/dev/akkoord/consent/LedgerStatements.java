package dev.akkoord.consent;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** The ledger's SQL, and the conversion of chained records to its parameters and back from its rows. */
final class LedgerStatements {

    /** Locks a site's head row (creating it before the first record) and reads where the chain ends. */
    static final String LOCK_HEAD = "INSERT INTO consent_chain_heads (site_id, seq, hash) VALUES ($1, 0, $2) "
            + "ON CONFLICT (site_id) DO UPDATE SET seq = consent_chain_heads.seq RETURNING seq, hash";

    /**
     * One append in one statement: moves the head from where the batch was chained onto ($19, $20) to its last
     * record ($16, $17) and inserts the records, one array per column; if the head is elsewhere, does nothing.
     */
    static final String APPEND = "WITH head AS (UPDATE consent_chain_heads SET seq = $16, hash = $17 "
            + "WHERE site_id = $18 AND seq = $19 AND hash = $20 RETURNING site_id) "
            + "INSERT INTO consent_records (site_id, seq, consent_id, recorded_at, action, analytical, marketing, "
            + "banner_version, language, page_url, gpc, ip_truncated, user_agent, prev_hash, hash) "
            + "SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::timestamptz[], $5::text[], "
            + "$6::boolean[], $7::boolean[], $8::text[], $9::text[], $10::text[], $11::boolean[], $12::text[], "
            + "$13::text[], $14::text[], $15::text[]) WHERE EXISTS (SELECT 1 FROM head) RETURNING id, seq";

    private LedgerStatements() {
    }

    /** The parameters of {@link #APPEND} for records chained onto {@code from}. */
    static Tuple append(UUID siteId, SiteChain.Head from, List<ConsentRecord> records) {
        ConsentRecord last = records.get(records.size() - 1);
        return columns(records).addLong(last.seq()).addString(last.hash()).addUUID(siteId).addLong(from.seq())
                .addString(from.hash());
    }

    /** The records as stored, with the ids the database gave them. */
    static List<ConsentRecord> withIds(List<ConsentRecord> records, RowSet<Row> rows) {
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
}
