package dev.akkoord.consent;

import static dev.akkoord.testsupport.Api.asOperator;
import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.recordConsent;
import static dev.akkoord.testsupport.Api.verifyChain;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.akkoord.testsupport.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What a database superuser can do to the evidence, and how the signed checkpoints give it away. Each attack below
 * leaves the hash chain itself consistent: without checkpoints, verification would call the chain intact.
 */
@QuarkusTest
class SignedCheckpointTest {

    private static final String ORIGIN = "https://www.example.test";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    Checkpointer checkpointer;

    @Inject
    TestDatabase db;

    @Inject
    Pool pool;

    @ConfigProperty(name = "akkoord.evidence.key-dir")
    Path keyDir;

    @Test
    void anUntouchedChainIsIntactAgainstItsCheckpoints() {
        JsonPath site = siteWith(4);
        signHeads();
        record(site, 2);
        signHeads();

        JsonPath report = verifyChain(site, null, null);
        assertTrue(report.getBoolean("intact"), report.prettify());
        assertEquals(2, report.getInt("signedCheckpoints"));
    }

    @Test
    void aRecordRewrittenWithTheChainRecomputedAfterItIsReported() {
        JsonPath site = siteWith(3);
        signHeads();
        record(site, 3);
        signHeads();

        // reject_all becomes accept_all at record 4, and every hash from there on is recomputed, head included.
        rewrite(site, 4, "accept_all");
        assertTrue(chainAloneIsConsistent(site), "the attack leaves the hash chain consistent");

        JsonPath report = verifyChain(site, null, null);
        assertFalse(report.getBoolean("intact"), report.prettify());
        String problem = report.getString("problems[0].problem");
        assertEquals(4, report.getLong("problems[0].seq"), problem); // after record 3, the last that still matches
        assertTrue(problem.contains("record 6 differs from the checkpoint"), problem);
    }

    @Test
    void aTailCutOffWithTheHeadMovedBackIsReported() {
        JsonPath site = siteWith(5);
        signHeads();
        attack("DELETE FROM consent_records WHERE site_id = $1 AND seq > 3", siteId(site));
        attack("UPDATE consent_chain_heads SET seq = 3, hash = (SELECT hash FROM consent_records WHERE site_id = $1 "
                + "AND seq = 3) WHERE site_id = $1", siteId(site));
        assertTrue(chainAloneIsConsistent(site));

        JsonPath report = verifyChain(site, null, null);
        assertFalse(report.getBoolean("intact"), report.prettify());
        assertTrue(report.getString("problems[0].problem").contains("records 4..5 were cut off"), report.prettify());
    }

    @Test
    void firstRecordsReplacedByAForgedAnchorAreReported() {
        JsonPath site = siteWith(5);
        signHeads();
        attack("INSERT INTO consent_chain_anchors (site_id, seq, hash, purged_at) SELECT site_id, seq, hash, now() "
                + "FROM consent_records WHERE site_id = $1 AND seq = 2", siteId(site));
        attack("DELETE FROM consent_records WHERE site_id = $1 AND seq <= 2", siteId(site));
        assertTrue(chainAloneIsConsistent(site));

        JsonPath report = verifyChain(site, null, null);
        assertFalse(report.getBoolean("intact"), report.prettify());
        assertTrue(report.getString("problems[0].problem").contains("no retention purge signed that start"),
                report.prettify());
    }

    @Test
    void checkpointsDeletedFromTheDatabaseAreStillInTheLogFile() {
        JsonPath site = siteWith(3);
        signHeads();
        attack("DELETE FROM consent_checkpoints WHERE site_id = $1", siteId(site));

        JsonPath report = verifyChain(site, null, null);
        assertFalse(report.getBoolean("intact"), report.prettify());
        assertTrue(report.getString("problems[0].problem").contains("in the log file but not in the database"),
                report.prettify());
    }

    @Test
    void aCheckpointNobodySignedIsRefused() {
        JsonPath site = siteWith(2);
        List<Checkpoint> signed = signHeads();
        Checkpoint real = signed.stream().filter(cp -> cp.siteId().equals(siteId(site))).findFirst().orElseThrow();
        db.query("INSERT INTO consent_checkpoints (site_id, kind, seq, hash, signed_at, key_id, signature) "
                + "VALUES ($1, 'head', 1, $2, now(), $3, $4)", siteId(site), "f".repeat(64), real.keyId(),
                real.signature());

        JsonPath report = verifyChain(site, null, null);
        assertFalse(report.getBoolean("intact"), report.prettify());
        assertTrue(report.prettify().contains("a signature that does not match its content"), report.prettify());
    }

    @Test
    void theKeyIsAnOwnerOnlyFileAndARotatedKeyStillVerifiesWhatItSigned() throws Exception {
        JsonPath site = siteWith(2);
        signHeads();
        for (Path key : Files.list(keyDir).filter(f -> f.toString().endsWith(".ed25519")).toList()) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        }
        List<String> before = given().get("/.well-known/akkoord-keys.json").then().statusCode(200)
                .extract().jsonPath().getList("keys.keyId", String.class);

        String rotated = asOperator().post("/api/v1/evidence/keys").then().statusCode(200).extract().path("keyId");
        record(site, 1);
        List<Checkpoint> after = signHeads();

        assertEquals(rotated, after.stream().filter(cp -> cp.siteId().equals(siteId(site))).findFirst()
                .orElseThrow().keyId());
        List<String> published = given().get("/.well-known/akkoord-keys.json").then().statusCode(200)
                .extract().jsonPath().getList("keys.keyId", String.class);
        assertTrue(published.containsAll(before) && published.contains(rotated), published.toString());
        JsonPath report = verifyChain(site, null, null);
        assertTrue(report.getBoolean("intact"), report.prettify());
        assertEquals(2, report.getInt("signedCheckpoints"));
        given().post("/api/v1/evidence/keys").then().statusCode(401);
    }

    private List<Checkpoint> signHeads() {
        return checkpointer.checkpointHeads().await().atMost(TIMEOUT);
    }

    /** Rewrites one record's action and recomputes its hash and every hash after it, as a superuser could. */
    private void rewrite(JsonPath site, long seq, String action) {
        UUID siteId = siteId(site);
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

    /** Every link and hash checks out when the checkpoints are left aside. */
    private boolean chainAloneIsConsistent(JsonPath site) {
        String prev = null;
        for (Row row : db.query("SELECT " + ConsentRows.COLUMNS + " FROM consent_records WHERE site_id = $1 "
                + "ORDER BY seq", siteId(site))) {
            ConsentRecord r = ConsentRows.record(row);
            if (!ChainHash.of(r).equals(r.hash()) || prev != null && !prev.equals(r.prevHash())) {
                return false;
            }
            prev = r.hash();
        }
        return true;
    }

    /** One statement with every append-only trigger off, in one transaction nobody else sees. */
    private void attack(String sql, Object... arguments) {
        pool.withTransaction(connection -> connection
                .query("ALTER TABLE consent_records DISABLE TRIGGER USER; "
                        + "ALTER TABLE consent_checkpoints DISABLE TRIGGER USER").execute()
                .flatMap(ignored -> connection.preparedQuery(sql).execute(Tuple.from(List.of(arguments))))
                .call(ignored -> connection.query("ALTER TABLE consent_records ENABLE TRIGGER USER; "
                        + "ALTER TABLE consent_checkpoints ENABLE TRIGGER USER").execute()))
                .await().atMost(TIMEOUT);
    }

    private static JsonPath siteWith(int records) {
        JsonPath site = createSite("Evidence", "www.example.test");
        record(site, records);
        return site;
    }

    private static void record(JsonPath site, int count) {
        for (int i = 0; i < count; i++) {
            recordConsent(site, ORIGIN, i % 2 == 0 ? "reject_all" : "accept_all", i % 2 == 1, i % 2 == 1);
        }
    }

    private static UUID siteId(JsonPath site) {
        return UUID.fromString(site.getString("id"));
    }
}
