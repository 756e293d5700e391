package dev.akkoord.consent;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.akkoord.testsupport.TestDatabase;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Tests play a database superuser: the append-only triggers off for a statement, the chain recomputed at will. */
@ApplicationScoped
class Superuser {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final TestDatabase db;

    Superuser(TestDatabase db) {
        this.db = db;
    }

    /** Rewrites one record's action and recomputes its hash and every hash after it, as a superuser could. */
    void rewrite(UUID siteId, long seq, String action) {
        List<ConsentRecord> records = new ArrayList<>();
        for (Row row : db.query("SELECT " + ConsentRows.COLUMNS + " FROM consent_records WHERE site_id = $1 "
                + "AND seq >= $2 ORDER BY seq", siteId, seq)) {
            records.add(ConsentRows.record(row));
        }
        String prev = records.get(0).prevHash();
        for (ConsentRecord r : records) {
            String newAction = r.seq() == seq ? action : r.action();
            String hash = ChainHash.of(prev, siteId, r.seq(), r.consentId(), r.recordedAt(), newAction, r.analytical(),
                    r.marketing(), r.bannerVersion(), r.language(), r.pageUrl(), r.gpc(), r.ipTruncated(),
                    r.userAgent());
            attack("UPDATE consent_records SET action = $1, prev_hash = $2, hash = $3 WHERE site_id = $4 AND seq = $5",
                    newAction, prev, hash, siteId, r.seq());
            prev = hash;
        }
        attack("UPDATE consent_chain_heads SET hash = $1 WHERE site_id = $2", prev, siteId);
    }

    /**
     * Moves every record of the site {@code by} into the past, with the chain recomputed so that it stays intact:
     * the retention purge goes by the database's clock, so tests age the records instead of the clock.
     */
    void backdate(UUID siteId, Duration by) {
        List<ConsentRecord> records = new ArrayList<>();
        for (Row row : db.query("SELECT " + ConsentRows.COLUMNS + " FROM consent_records WHERE site_id = $1 "
                + "ORDER BY seq", siteId)) {
            records.add(ConsentRows.record(row));
        }
        String prev = records.get(0).prevHash();
        for (ConsentRecord r : records) {
            Instant at = r.recordedAt().minus(by);
            String hash = ChainHash.of(prev, siteId, r.seq(), r.consentId(), at, r.action(), r.analytical(),
                    r.marketing(), r.bannerVersion(), r.language(), r.pageUrl(), r.gpc(), r.ipTruncated(),
                    r.userAgent());
            attack("UPDATE consent_records SET recorded_at = $1, prev_hash = $2, hash = $3 WHERE site_id = $4 "
                    + "AND seq = $5", at.atOffset(ZoneOffset.UTC), prev, hash, siteId, r.seq());
            prev = hash;
        }
        attack("UPDATE consent_chain_heads SET hash = $1 WHERE site_id = $2", prev, siteId);
    }

    /** Every link and hash checks out when the checkpoints are left aside. */
    boolean chainAloneIsConsistent(UUID siteId) {
        String prev = null;
        for (Row row : db.query("SELECT " + ConsentRows.COLUMNS + " FROM consent_records WHERE site_id = $1 "
                + "ORDER BY seq", siteId)) {
            ConsentRecord r = ConsentRows.record(row);
            if (!ChainHash.of(r).equals(r.hash()) || prev != null && !prev.equals(r.prevHash())) {
                return false;
            }
            prev = r.hash();
        }
        return true;
    }

    /** One statement with every append-only trigger off, in one transaction nobody else sees. */
    void attack(String sql, Object... arguments) {
        db.pool().withTransaction(connection -> connection
                .query("ALTER TABLE consent_records DISABLE TRIGGER USER; "
                        + "ALTER TABLE consent_checkpoints DISABLE TRIGGER USER").execute()
                .flatMap(ignored -> connection.preparedQuery(sql).execute(Tuple.from(List.of(arguments))))
                .call(ignored -> connection.query("ALTER TABLE consent_records ENABLE TRIGGER USER; "
                        + "ALTER TABLE consent_checkpoints ENABLE TRIGGER USER").execute()))
                .await().atMost(TIMEOUT);
    }
}
