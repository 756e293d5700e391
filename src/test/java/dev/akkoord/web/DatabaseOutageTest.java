package dev.akkoord.web;

import static dev.akkoord.testsupport.Api.consent;
import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.recordConsent;
import static dev.akkoord.testsupport.Api.withKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.akkoord.dashboard.DashboardClient;
import dev.akkoord.testsupport.CapturedLog;
import dev.akkoord.testsupport.ExternalServersToo;
import dev.akkoord.testsupport.Waits;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * PostgreSQL goes away under a running service (its connections are cut and new ones refused) and comes back:
 * every kind of endpoint answers 503 with Retry-After meanwhile, in problem+json (the dashboard in HTML), the log
 * gets one WARN line per outage, and the service serves again without a restart.
 */
@QuarkusTest
@ExternalServersToo
@TestProfile(DatabaseOutageProfile.class)
class DatabaseOutageTest {

    private static final String ORIGIN = "https://www.example.test";
    private static final String RETRY_AFTER = String.valueOf(Outages.RETRY_AFTER_SECONDS);

    @Inject
    Outages outages;

    @AfterEach
    void databaseBack() {
        DatabaseOutageProfile.PROXY.restore();
        Waits.until("the outage to end", Duration.ofSeconds(15), () -> !outages.anyDown());
    }

    @Test
    void shouldAnswer503EverywhereAndWarnOncePerOutage() {
        // The first consent's site is known to the consent path for a few seconds, so the next ones reach the
        // ledger and fail there; every other request below needs the database.
        JsonPath site = createSite("Outage", "www.example.test");
        recordConsent(site, ORIGIN, "reject_all", false, false);
        JsonPath other = createSite("Outage too", "www.example.test");
        DashboardClient operator = DashboardClient.operator();

        try (CapturedLog log = CapturedLog.start()) {
            DatabaseOutageProfile.PROXY.cut();
            unavailable(given().contentType(ContentType.JSON).header("Origin", ORIGIN)
                    .body(consent(site, "accept_all", true, true)).post("/api/v1/consents"))
                    .body("detail", equalTo("Consent records cannot be stored right now"));
            for (int round = 0; round < 3; round++) {
                problem(given().contentType(ContentType.JSON).header("Origin", ORIGIN)
                        .body(consent(site, "accept_all", true, true)).post("/api/v1/consents"));
                problem(given().get("/api/v1/sites/" + site.getString("id") + "/banner?lang=en"));
                problem(withKey(site.getString("apiKey")).get("/api/v1/sites/" + site.getString("id")));
                problem(given().get("/api/v1/consents/0123456789abcdef0123456789abcdef"));
                unavailable(operator.get("/dashboard/sites")).contentType(containsString("text/html"));
            }
            Waits.until("the outage's WARN line", Duration.ofSeconds(15), () -> !log.warnings().isEmpty());
            List<LogRecord> lines = log.warnings();
            assertEquals(1, lines.size(), log.describe());
            assertEquals(Outages.class.getName(), lines.get(0).getLoggerName(), log.describe());
            assertTrue(CapturedLog.message(lines.get(0)).contains("PostgreSQL"), log.describe());

            DatabaseOutageProfile.PROXY.restore();
            Waits.until("the outage to end", Duration.ofSeconds(15), () -> !outages.anyDown());
            given().contentType(ContentType.JSON).header("Origin", ORIGIN)
                    .body(consent(site, "accept_all", true, true)).post("/api/v1/consents").then().statusCode(201);
            assertEquals(1, log.warnings().size(), "answering requests again is no outage:\n" + log.describe());

            DatabaseOutageProfile.PROXY.cut();
            problem(withKey(other.getString("apiKey")).get("/api/v1/sites/" + other.getString("id")));
            problem(given().get("/api/v1/sites/" + other.getString("id") + "/banner?lang=en"));
            Waits.until("the second outage's WARN line", Duration.ofSeconds(15), () -> log.warnings().size() > 1);
            assertEquals(2, log.warnings().size(), log.describe());
            assertEquals(List.of(), log.errors(), log.describe());
        }
    }

    private static ValidatableResponse unavailable(Response response) {
        return response.then().statusCode(503).header("Retry-After", RETRY_AFTER);
    }

    private static void problem(Response response) {
        unavailable(response).contentType("application/problem+json").body("status", equalTo(503))
                .body("title", equalTo("Service Unavailable"));
    }
}
