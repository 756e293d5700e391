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
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.akkoord.testsupport.ExternalServersToo;
import dev.akkoord.testsupport.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * What a database superuser can do to the evidence, and how the signed checkpoints give it away. Each attack below
 * leaves the hash chain itself consistent: without checkpoints, verification would call the chain intact.
 */
@QuarkusTest
@ExternalServersToo
class SignedCheckpointTest {

    private static final String ORIGIN = "https://www.example.test";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    Checkpointer checkpointer;

    @Inject
    TestDatabase db;

    @Inject
    Superuser superuser;

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
        superuser.rewrite(siteId(site), 4, "accept_all");
        assertTrue(superuser.chainAloneIsConsistent(siteId(site)), "the attack leaves the hash chain consistent");

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
        superuser.attack("DELETE FROM consent_records WHERE site_id = $1 AND seq > 3", siteId(site));
        superuser.attack("UPDATE consent_chain_heads SET seq = 3, hash = (SELECT hash FROM consent_records WHERE site_id = $1 "
                + "AND seq = 3) WHERE site_id = $1", siteId(site));
        assertTrue(superuser.chainAloneIsConsistent(siteId(site)));

        JsonPath report = verifyChain(site, null, null);
        assertFalse(report.getBoolean("intact"), report.prettify());
        assertTrue(report.getString("problems[0].problem").contains("records 4..5 were cut off"), report.prettify());
    }

    @Test
    void firstRecordsReplacedByAForgedAnchorAreReported() {
        JsonPath site = siteWith(5);
        signHeads();
        superuser.attack("INSERT INTO consent_chain_anchors (site_id, seq, hash, purged_at) SELECT site_id, seq, hash, now() "
                + "FROM consent_records WHERE site_id = $1 AND seq = 2", siteId(site));
        superuser.attack("DELETE FROM consent_records WHERE site_id = $1 AND seq <= 2", siteId(site));
        assertTrue(superuser.chainAloneIsConsistent(siteId(site)));

        JsonPath report = verifyChain(site, null, null);
        assertFalse(report.getBoolean("intact"), report.prettify());
        assertTrue(report.getString("problems[0].problem").contains("no retention purge signed that start"),
                report.prettify());
    }

    @Test
    void checkpointsDeletedFromTheDatabaseAreStillInTheLogFile() {
        JsonPath site = siteWith(3);
        signHeads();
        superuser.attack("DELETE FROM consent_checkpoints WHERE site_id = $1", siteId(site));

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
