package dev.akkoord.web;

import static dev.akkoord.testsupport.Api.consent;
import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.recordConsent;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.akkoord.testsupport.ManagementPort;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * What an operator's monitoring and API clients rely on: readiness and Prometheus metrics on the management
 * interface (and not on the main port), the OpenAPI document on the main port.
 */
@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void shouldBeReadyWithDatabaseAndRedisChecked() {
        ManagementPort.given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.status", everyItem(equalTo("UP")))
                .body("checks.findAll { it.name.toLowerCase().contains('redis') }.size()", greaterThan(0))
                .body("checks.findAll { it.name.toLowerCase().contains('postgres') "
                        + "|| it.name.toLowerCase().contains('database') }.size()", greaterThan(0));
    }

    @Test
    void shouldCountRecordedAndRejectedConsents() {
        JsonPath site = createSite("Metrics", "www.example.test");
        double recorded = Metrics.sum("akkoord_consents_recorded_total", "action=\"accept_all\"");
        double rejected = Metrics.sum("akkoord_consents_rejected_total", "reason=\"origin\"");

        recordConsent(site, "https://www.example.test", "accept_all", true, true);
        Map<String, Object> foreign = new HashMap<>(consent(site, "accept_all", true, true));
        given().contentType(ContentType.JSON).header("Origin", "https://evil.test").body(foreign)
                .post("/api/v1/consents").then().statusCode(403);

        assertEquals(recorded + 1, Metrics.sum("akkoord_consents_recorded_total", "action=\"accept_all\""));
        assertEquals(rejected + 1, Metrics.sum("akkoord_consents_rejected_total", "reason=\"origin\""));
        String text = ManagementPort.given().get("/q/metrics").then().extract().asString();
        assertThat(text.lines().toList(), hasItem(org.hamcrest.Matchers.startsWith("http_server_requests_seconds")));
    }

    @Test
    void shouldKeepHealthAndMetricsOffTheMainPort() {
        for (String path : List.of("/q/health", "/q/health/ready", "/q/health/live", "/q/metrics")) {
            given().get(path).then().statusCode(404);
        }
        ManagementPort.given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void shouldListTheConsentEndpointsInTheOpenApiDocument() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/consents'.post", notNullValue())
                .body("paths.'/api/v1/consents/{consentId}'.get", notNullValue())
                .body("paths.'/api/v1/sites/{siteId}/consents'.get", notNullValue())
                .body("paths.'/api/v1/sites/{siteId}/consents/verify'.get", notNullValue());
    }
}
