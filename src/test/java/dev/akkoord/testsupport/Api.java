package dev.akkoord.testsupport;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Shared steps of API tests: the operator's token and creating sites the way an operator does. */
public final class Api {

    public static final String OPERATOR_TOKEN = "test-operator-token";

    private Api() {
    }

    public static RequestSpecification asOperator() {
        return given().header("Authorization", "Bearer " + OPERATOR_TOKEN).contentType(ContentType.JSON);
    }

    public static RequestSpecification withKey(String apiKey) {
        return given().header("Authorization", "Bearer " + apiKey).contentType(ContentType.JSON);
    }

    /** Creates a site on {@code domains} and returns the created JSON (id, apiKey, bannerVersion, …). */
    public static JsonPath createSite(String name, String... domains) {
        return createSite(Map.of("name", name, "domains", List.of(domains)));
    }

    public static JsonPath createSite(Map<String, Object> body) {
        return asOperator().body(body).post("/api/v1/sites").then().statusCode(201).extract().jsonPath();
    }

    /** A valid consent body for {@code site} as the banner would post it. */
    public static Map<String, Object> consent(JsonPath site, String action, boolean analytical, boolean marketing) {
        return Map.of("siteId", site.getString("id"), "bannerVersion", site.getString("bannerVersion"),
                "action", action, "categories", Map.of("analytical", analytical, "marketing", marketing),
                "language", "nl", "pageUrl", "https://www.example.test/shop?email=a@b.test#top", "gpc", false);
    }
}
