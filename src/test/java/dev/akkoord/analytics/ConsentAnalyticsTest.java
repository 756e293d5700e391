package dev.akkoord.analytics;

import static dev.akkoord.testsupport.Api.consent;
import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.withKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.akkoord.consent.RetentionPurge;
import dev.akkoord.site.SiteSettings;
import dev.akkoord.testsupport.ExternalServersToo;
import dev.akkoord.testsupport.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@ExternalServersToo
class ConsentAnalyticsTest {

    private static final String ORIGIN = "https://www.example.test";

    @Inject
    Pool pool;

    @Inject
    RetentionPurge purge;

    @Inject
    TestDatabase db;

    private static void record(JsonPath site, String action, boolean analytical, boolean marketing) {
        given().contentType(ContentType.JSON).header("Origin", ORIGIN).body(consent(site, action, analytical, marketing))
                .post("/api/v1/consents").then().statusCode(201);
    }

    private static JsonPath stats(JsonPath site, String query) {
        return withKey(site.getString("apiKey")).get("/api/v1/sites/" + site.getString("id") + "/analytics" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void shouldCountRecordsFromTheConsentApiPerActionAndCategory() {
        JsonPath site = createSite("Counted", "www.example.test");
        for (int i = 0; i < 3; i++) {
            record(site, "accept_all", true, true);
        }
        record(site, "reject_all", false, false);
        record(site, "reject_all", false, false);
        record(site, "custom", true, false);
        record(site, "gpc", false, false);
        record(site, "withdraw", false, false);

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonPath stats = stats(site, "?from=" + today + "&to=" + today);
        assertEquals(1, stats.getList("buckets").size());
        assertEquals(3, stats.getInt("total.byAction.accept_all"));
        assertEquals(2, stats.getInt("total.byAction.reject_all"));
        assertEquals(1, stats.getInt("total.byAction.custom"));
        assertEquals(1, stats.getInt("total.byAction.gpc"));
        assertEquals(1, stats.getInt("total.byAction.withdraw"));
        assertEquals(8, stats.getInt("total.total"));
        // gpc is the browser's signal, not a decision.
        assertEquals(7, stats.getInt("total.decisions"));
        assertEquals(4, stats.getInt("total.analyticalGranted"));
        assertEquals(3, stats.getInt("total.marketingGranted"));
        assertEquals(4.0 / 7, stats.getDouble("total.analyticalRate"), 1e-6);
        assertEquals(3.0 / 7, stats.getDouble("total.marketingRate"), 1e-6);
        assertEquals(stats.getInt("total.byAction.accept_all"), stats.getInt("buckets[0].byAction.accept_all"));
    }

    @Test
    void shouldBucketByDayAndIsoWeekWithEmptyBucketsFilled() {
        JsonPath site = createSite("Weekly", "www.example.test");
        UUID siteId = UUID.fromString(site.getString("id"));
        // Monday 2026-11-02, Wednesday 2026-11-04, Monday 2026-11-09 (the next ISO week).
        insert(siteId, 1, "2026-11-02T10:00:00Z", "accept_all", true, true);
        insert(siteId, 2, "2026-11-04T23:59:59Z", "reject_all", false, false);
        insert(siteId, 3, "2026-11-04T08:00:00Z", "custom", false, true);
        insert(siteId, 4, "2026-11-09T00:00:00Z", "accept_all", true, true);

        JsonPath byDay = stats(site, "?from=2026-11-01&to=2026-11-10&by=day");
        assertEquals(10, byDay.getList("buckets").size());
        assertEquals("2026-11-01", byDay.getString("buckets[0].start"));
        assertEquals(0, byDay.getInt("buckets[0].total"));
        assertEquals(2, byDay.getInt("buckets[3].total"));
        assertEquals(1, byDay.getInt("buckets[3].marketingGranted"));

        JsonPath byWeek = stats(site, "?from=2026-11-02&to=2026-11-15&by=week");
        assertEquals(2, byWeek.getList("buckets").size());
        assertEquals("2026-11-02", byWeek.getString("buckets[0].start"));
        assertEquals(3, byWeek.getInt("buckets[0].total"));
        assertEquals(2, byWeek.getInt("buckets[0].marketingGranted"));
        assertEquals(1.0 / 3, byWeek.getDouble("buckets[0].analyticalRate"), 1e-6);
        assertEquals("2026-11-09", byWeek.getString("buckets[1].start"));
        assertEquals(1, byWeek.getInt("buckets[1].byAction.accept_all"));
    }

    @Test
    void shouldKeepCountsWhenTheRetentionPurgeRemovesRecords() {
        JsonPath site = createSite("Purged", "www.example.test");
        record(site, "accept_all", true, true);
        record(site, "reject_all", false, false);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonPath before = stats(site, "?from=" + today + "&to=" + today);
        UUID siteId = UUID.fromString(site.getString("id"));
        // The purge goes by the database's clock: the records are made old instead (their hashes do not matter here).
        db.asAttacker("UPDATE consent_records SET recorded_at = recorded_at - make_interval(days => $2) "
                + "WHERE site_id = $1", siteId, SiteSettings.DEFAULT_RETENTION_DAYS + 1);
        long purged = purge.purgeSite(siteId).await().indefinitely();
        assertEquals(2, purged);
        long left = pool.preparedQuery("SELECT count(*) FROM consent_records WHERE site_id = $1")
                .execute(Tuple.of(siteId)).await().indefinitely().iterator().next().getLong(0);
        assertEquals(0, left);
        JsonPath after = stats(site, "?from=" + today + "&to=" + today);
        assertEquals(before.getMap("total"), after.getMap("total"));
        assertEquals(2, after.getInt("total.total"));
    }

    @Test
    void shouldGuardTheStatisticsLikeTheRestOfTheSiteApi() {
        JsonPath mine = createSite("Mine", "www.example.test");
        JsonPath theirs = createSite("Theirs", "www.example.test");
        withKey(mine.getString("apiKey")).get("/api/v1/sites/" + theirs.getString("id") + "/analytics").then()
                .statusCode(403);
        given().get("/api/v1/sites/" + mine.getString("id") + "/analytics").then().statusCode(401);
        withKey(mine.getString("apiKey")).get("/api/v1/sites/" + mine.getString("id") + "/analytics?by=month")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("'by'"));
        withKey(mine.getString("apiKey")).get("/api/v1/sites/" + mine.getString("id")
                + "/analytics?from=2026-02-01&to=2026-01-01").then().statusCode(400);
        withKey(mine.getString("apiKey")).get("/api/v1/sites/" + mine.getString("id")
                + "/analytics?from=yesterday").then().statusCode(400);
        withKey(mine.getString("apiKey")).get("/api/v1/sites/" + mine.getString("id") + "/analytics").then()
                .statusCode(200).body("buckets", hasSize(30)).body("by", equalTo("DAY"));
    }

    /** A record straight into the ledger table (the trigger path), with a chosen time. */
    private void insert(UUID siteId, long seq, String at, String action, boolean analytical, boolean marketing) {
        pool.preparedQuery("INSERT INTO consent_records (site_id, seq, consent_id, recorded_at, action, analytical, "
                + "marketing, banner_version, gpc, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, "
                + "'0000000000000000', false, 'x', 'y')")
                .execute(Tuple.tuple().addUUID(siteId).addLong(seq).addString(UUID.randomUUID().toString()
                        .replace("-", "")).addOffsetDateTime(OffsetDateTime.parse(at)).addString(action).addBoolean(analytical).addBoolean(marketing))
                .await().indefinitely();
    }

}
