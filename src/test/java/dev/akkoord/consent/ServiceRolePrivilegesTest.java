package dev.akkoord.consent;

import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.recordConsent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.akkoord.embedded.PostgresRoles;
import dev.akkoord.testsupport.ExternalServersToo;
import dev.akkoord.testsupport.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/**
 * The platform's own connections (the service role, as in production) against the ledger: whoever holds the
 * service's credentials can add records but cannot change, remove or unguard them, and can purge only what the
 * retention allows.
 */
@QuarkusTest
@ExternalServersToo
class ServiceRolePrivilegesTest {

    private static final String ORIGIN = "https://www.example.test";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Inject
    Pool pool;

    @Inject
    TestDatabase db;

    @Inject
    Superuser superuser;

    @ParameterizedTest
    @ValueSource(strings = {
            "UPDATE consent_records SET marketing = true WHERE site_id = $1",
            "DELETE FROM consent_records WHERE site_id = $1",
            "UPDATE consent_checkpoints SET signature = 'forged' WHERE site_id = $1",
            "DELETE FROM consent_checkpoints WHERE site_id = $1",
            "INSERT INTO consent_chain_anchors (site_id, seq, hash, purged_at) VALUES ($1, 1, 'forged', now())",
            "UPDATE consent_daily_counts SET count = 0 WHERE site_id = $1" })
    void shouldRefuseTheServiceAnyChangeToTheLedger(String statement) {
        UUID siteId = siteWithCheckpointedRecords(2);

        assertRefused(transaction(connection -> connection.preparedQuery(statement).execute(Tuple.of(siteId))));
        assertEquals(2, db.queryLong("SELECT count(*) FROM consent_records WHERE site_id = $1", siteId));
        assertEquals(1, db.queryLong("SELECT count(*) FROM consent_checkpoints WHERE site_id = $1", siteId));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "TRUNCATE consent_records CASCADE",
            "TRUNCATE consent_checkpoints",
            "ALTER TABLE consent_records DISABLE TRIGGER USER",
            "ALTER TABLE consent_checkpoints DISABLE TRIGGER consent_checkpoints_no_delete",
            "DROP TRIGGER consent_records_no_delete ON consent_records",
            "DROP FUNCTION consent_records_append_only() CASCADE",
            "DROP FUNCTION consent_records_purge(uuid)",
            "CREATE OR REPLACE FUNCTION consent_records_append_only() RETURNS trigger LANGUAGE plpgsql "
                    + "AS $$ BEGIN RETURN OLD; END $$",
            "ALTER TABLE consent_records OWNER TO " + PostgresRoles.SERVICE,
            "SELECT setval('consent_records_id_seq', 1)" })
    void shouldRefuseTheServiceToUnguardTheLedger(String statement) {
        UUID siteId = siteWithCheckpointedRecords(2);

        assertRefused(transaction(connection -> connection.query(statement).execute()));
        assertEquals(2, db.queryLong("SELECT count(*) FROM consent_records WHERE site_id = $1", siteId));
        assertEquals(3, db.queryLong("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'consent_records'::regclass "
                + "AND tgname LIKE 'consent_records_no_%' AND tgenabled = 'O'"));
    }

    /** The purge's announcement was once enough to delete; now only the purge function's owner may. */
    @Test
    void shouldNotLetTheServiceDeleteByAnnouncingAPurge() {
        UUID siteId = siteWithCheckpointedRecords(2);

        assertRefused(transaction(connection -> connection.query("SET LOCAL akkoord.purge = 'on'").execute()
                .flatMap(ignored -> connection.preparedQuery("DELETE FROM consent_records WHERE site_id = $1")
                        .execute(Tuple.of(siteId)))));
        assertEquals(2, db.queryLong("SELECT count(*) FROM consent_records WHERE site_id = $1", siteId));
    }

    /** Even a role allowed to DELETE (here a superuser) is stopped by the trigger unless it runs as the owner. */
    @Test
    void shouldNotLetAnyoneButThePurgeFunctionPassTheTrigger() {
        UUID siteId = siteWithCheckpointedRecords(2);

        PgException refusal = assertThrows(PgException.class, () -> db.pool().withTransaction(connection -> connection
                .query("SET LOCAL akkoord.purge = 'on'").execute()
                .flatMap(ignored -> connection.preparedQuery("DELETE FROM consent_records WHERE site_id = $1")
                        .execute(Tuple.of(siteId)))).await().atMost(TIMEOUT));

        assertEquals(INSUFFICIENT_PRIVILEGE, refusal.getSqlState());
        assertTrue(refusal.getErrorMessage().contains("append-only"), refusal.getErrorMessage());
        assertEquals(2, db.queryLong("SELECT count(*) FROM consent_records WHERE site_id = $1", siteId));
    }

    @Test
    void shouldLetThePurgeFunctionDeleteOnlyWhatTheRetentionAllows() {
        UUID siteId = siteWithCheckpointedRecords(3);
        // Someone with the service's rights shortens the retention below what a site may choose and ages the records
        // past it: the function keeps to its floor of 30 days.
        superuser.attack("UPDATE sites SET settings = jsonb_set(settings::jsonb, '{consentRetentionDays}', '1')::text "
                + "WHERE id = $1", siteId);
        superuser.backdate(siteId, Duration.ofDays(2));

        assertEquals(List.of(), purgeAsTheService(siteId));
        assertEquals(3, db.queryLong("SELECT count(*) FROM consent_records WHERE site_id = $1", siteId));

        superuser.backdate(siteId, Duration.ofDays(29));
        List<Long> purged = purgeAsTheService(siteId);

        assertEquals(List.of(3L, 3L), purged, "anchor at seq 3, three records deleted");
        assertEquals(0, db.queryLong("SELECT count(*) FROM consent_records WHERE site_id = $1", siteId));
        assertEquals(3, db.queryLong("SELECT seq FROM consent_chain_anchors WHERE site_id = $1", siteId));
    }

    @Test
    void shouldHaveRunTheMigrationsAsTheOwnerAndGiveTheServiceNothingOfItsOwn() {
        for (String table : List.of("consent_records", "consent_checkpoints", "consent_chain_heads",
                "consent_chain_anchors", "consent_daily_counts", "sites", "flyway_schema_history")) {
            assertEquals(PostgresRoles.OWNER, db.query("SELECT pg_get_userbyid(relowner) AS owner FROM pg_class "
                    + "WHERE oid = to_regclass($1)", table).iterator().next().getString("owner"), table);
        }
        Row purge = db.query("SELECT pg_get_userbyid(proowner) AS owner, prosecdef, proconfig::text AS config "
                + "FROM pg_proc WHERE oid = 'consent_records_purge(uuid)'::regprocedure").iterator().next();
        assertEquals(PostgresRoles.OWNER, purge.getString("owner"));
        assertTrue(purge.getBoolean("prosecdef"));
        assertTrue(purge.getString("config").contains("search_path"), purge.getString("config"));
        assertEquals(PostgresRoles.OWNER, db.query("SELECT installed_by FROM flyway_schema_history "
                + "WHERE version = '61'").iterator().next().getString("installed_by"));

        Row service = pool.query("SELECT current_user AS role, (SELECT rolsuper FROM pg_roles "
                + "WHERE rolname = current_user) AS superuser, (SELECT count(*) FROM pg_class "
                + "WHERE relowner = current_user::regrole) AS owned").execute().await().atMost(TIMEOUT)
                .iterator().next();
        assertEquals(PostgresRoles.SERVICE, service.getString("role"));
        assertFalse(service.getBoolean("superuser"));
        assertEquals(0, service.getLong("owned"));
    }

    @Test
    void shouldWarnOnlyAboutARoleThatCouldRewriteTheLedger() {
        assertEquals(Optional.empty(), LedgerPrivileges.concern(pool).await().atMost(TIMEOUT));

        Optional<String> asSuperuser = LedgerPrivileges.concern(db.pool()).await().atMost(TIMEOUT);

        assertTrue(asSuperuser.isPresent());
        assertTrue(asSuperuser.get().contains("is a superuser"), asSuperuser.get());
    }

    private List<Long> purgeAsTheService(UUID siteId) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("SELECT anchor_seq, deleted FROM consent_records_purge($1)").execute(Tuple.of(siteId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return List.<Long>of();
                    }
                    Row row = rows.iterator().next();
                    return List.of(row.getLong("anchor_seq"), row.getLong("deleted"));
                }))
                .await().atMost(TIMEOUT);
    }

    /** A site with records and a signed checkpoint of its head, as the service leaves it. */
    private UUID siteWithCheckpointedRecords(int count) {
        JsonPath site = createSite(Map.of("name", "Least privilege", "domains", List.of("www.example.test"),
                "consentRetentionDays", 30));
        for (int i = 0; i < count; i++) {
            recordConsent(site, ORIGIN, "reject_all", false, false);
        }
        UUID siteId = UUID.fromString(site.getString("id"));
        db.query("INSERT INTO consent_checkpoints (site_id, kind, seq, hash, signed_at, key_id, signature) "
                + "SELECT site_id, 'head', seq, hash, now(), 'k', 's' FROM consent_chain_heads WHERE site_id = $1",
                siteId);
        return siteId;
    }

    private <T> Uni<T> transaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work::apply);
    }

    private static void assertRefused(Uni<?> attempt) {
        PgException refusal = assertThrows(PgException.class, () -> attempt.await().atMost(TIMEOUT));
        assertEquals(INSUFFICIENT_PRIVILEGE, refusal.getSqlState(), refusal.getErrorMessage());
    }
}
