package dev.akkoord.web;

import static dev.akkoord.testsupport.Api.asOperator;
import static dev.akkoord.testsupport.Api.createSite;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.logging.LogRecord;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.akkoord.testsupport.CapturedLog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** No failure leaves as Quarkus' default error page: a bug is a logged 500 problem, a duplicate key a 400. */
@QuarkusTest
class ProblemMappersTest {

    private static final String ORIGIN = "https://www.example.test";

    @ParameterizedTest
    @ValueSource(strings = { "/test/failures/thrown", "/test/failures/reactive" })
    void shouldAnswerABugWith500ProblemAndLogItOnceWithItsStackTrace(String path) {
        try (CapturedLog log = CapturedLog.start()) {
            given().get(path).then().statusCode(500).contentType("application/problem+json")
                    .body("type", equalTo("about:blank"))
                    .body("title", equalTo("Server error"))
                    .body("status", equalTo(500))
                    .body("detail", equalTo("The request could not be completed"))
                    .body(not(containsString("Exception")));

            List<LogRecord> errors = log.errors();
            assertEquals(1, errors.size(), log.describe());
            assertNotNull(errors.get(0).getThrown(), "the ERROR line carries the stack trace");
            assertEquals(1, log.warnings().size(), log.describe());
        }
    }

    @Test
    void shouldAnswerAnArgumentRefusedDeepInsideWith400WithoutEchoingItsMessage() {
        given().get("/test/failures/refused").then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", equalTo("A value in the request is not valid"))
                .body(not(containsString("key_hash")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"action\":\"accept_all\",\"action\":\"reject_all\"}",
            "{\"siteId\":\"%s\",\"bannerVersion\":\"%s\",\"action\":\"reject_all\",\"action\":\"accept_all\"}",
            "{\"siteId\":\"%s\",\"bannerVersion\":\"%s\",\"action\":\"accept_all\","
                    + "\"categories\":{\"analytical\":false,\"analytical\":true,\"marketing\":true}}" })
    void shouldRefuseDuplicateKeysInAConsentWith400(String template) {
        JsonPath site = createSite("Duplicates", "www.example.test");
        String body = template.formatted(site.getString("id"), site.getString("bannerVersion"));
        try (CapturedLog log = CapturedLog.start()) {
            for (ContentType type : List.of(ContentType.JSON, ContentType.TEXT)) {
                given().contentType(type).header("Origin", ORIGIN).body(body).post("/api/v1/consents").then()
                        .statusCode(400).contentType("application/problem+json")
                        .body("status", equalTo(400))
                        .body("detail", containsString("Duplicate field"));
            }
            assertEquals(List.of(), log.warnings(), log.describe());
        }
    }

    @Test
    void shouldRefuseDuplicateKeysInTheOperatorApiWith400() {
        asOperator().body("{\"name\":\"One\",\"name\":\"Two\",\"domains\":[\"www.example.test\"]}")
                .post("/api/v1/sites").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("Duplicate field 'name'"));
    }
}
