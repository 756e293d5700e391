package dev.akkoord.web;

import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.recordConsent;
import static dev.akkoord.testsupport.Api.withKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.akkoord.testsupport.CapturedLog;
import dev.akkoord.testsupport.ExternalServersToo;
import dev.akkoord.testsupport.Waits;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * PostgreSQL goes away while the scheduled jobs tick every second and plain Vert.x routes are asked: the log gets
 * one WARN when the outage starts (Outages' INFO ends it), no line per tick and no ERROR; a plain route answers
 * 503 problem+json with Retry-After meanwhile, and a bug in one a 500 problem+json, never an error page.
 */
@QuarkusTest
@ExternalServersToo
@TestProfile(QuietJobsProfile.class)
class QuietOutageTest {

    @Inject
    Outages outages;

    @AfterEach
    void databaseBack() {
        DatabaseOutageProfile.PROXY.restore();
        Waits.until("the outage to end", Duration.ofSeconds(30), () -> !outages.anyDown());
    }

    @Test
    void shouldLogOneWarnPerOutageWhileTheJobsTick() throws InterruptedException {
        // Work for every job: a chain head to sign, records to purge, a site to scan.
        JsonPath site = createSite("Quiet jobs", "www.example.test");
        recordConsent(site, "https://www.example.test", "accept_all", true, true);
        given().get("/test/plain/database").then().statusCode(200);
        // The first scan starts the scanner, which says once at start-up what it runs on; that is no outage line.
        String scans = "/api/v1/sites/" + site.getString("id") + "/scans";
        Waits.until("the cron's first scan of the site to end", Duration.ofSeconds(30), () -> {
            List<String> statuses = withKey(site.getString("apiKey")).get(scans).then().statusCode(200).extract()
                    .jsonPath().getList("status");
            return !statuses.isEmpty() && !statuses.contains("queued") && !statuses.contains("running");
        });

        try (CapturedLog log = CapturedLog.start()) {
            DatabaseOutageProfile.PROXY.cut();
            for (int i = 0; i < 3; i++) {
                given().accept("text/html").get("/test/plain/database").then().statusCode(503)
                        .header("Retry-After", String.valueOf(Outages.RETRY_AFTER_SECONDS))
                        .contentType("application/problem+json").body("status", equalTo(503));
            }
            Thread.sleep(5_000); // five ticks of each job
            List<LogRecord> warnings = log.warnings();
            assertEquals(1, warnings.size(), log.describe());
            assertEquals(Outages.class.getName(), warnings.get(0).getLoggerName(), log.describe());
            assertTrue(CapturedLog.message(warnings.get(0)).contains("PostgreSQL"), log.describe());

            DatabaseOutageProfile.PROXY.restore();
            Waits.until("the outage to end", Duration.ofSeconds(30), () -> !outages.anyDown());
            Thread.sleep(2_000); // the jobs run again, quietly
            assertEquals(1, log.warnings().size(), log.describe());
            assertEquals(List.of(), log.errors(), log.describe());
        }
    }

    @Test
    void shouldDropHibernatesRollbackFailuresButNothingElseItLogs() {
        // What Hibernate Reactive logs for each transaction in flight when the connection dies.
        org.jboss.logging.Logger hibernate = org.jboss.logging.Logger.getLogger(DeadConnectionRollbacks.LOGGER);
        try (CapturedLog log = CapturedLog.start()) {
            hibernate.errorf("Failed to rollback transaction: %s", "Connection is not active now, current status: CLOSED");
            hibernate.errorf("Failed to commit transaction: %s", "Connection is not active now, current status: CLOSED");
            assertEquals(1, log.errors().size(), log.describe());
            assertTrue(CapturedLog.message(log.errors().get(0)).startsWith("Failed to commit"), log.describe());
        }
    }

    @Test
    void shouldAnswerABugInAPlainRouteWithA500Problem() {
        try (CapturedLog log = CapturedLog.start()) {
            given().accept("text/html").get("/test/plain/thrown").then().statusCode(500)
                    .contentType("application/problem+json").body("status", equalTo(500))
                    .body("detail", not(containsString("IllegalStateException")));
            Waits.until("the bug's ERROR line", Duration.ofSeconds(30), () -> !log.errors().isEmpty());
        }
    }
}
