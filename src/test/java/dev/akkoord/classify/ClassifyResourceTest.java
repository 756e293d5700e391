package dev.akkoord.classify;

import static dev.akkoord.testsupport.Api.asOperator;
import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.withKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ClassifyResourceTest {

    private static final String PATH = "/api/v1/classify";

    private static Map<String, Object> cookie(String name, String domain) {
        Map<String, Object> cookie = new HashMap<>();
        cookie.put("name", name);
        if (domain != null) {
            cookie.put("domain", domain);
        }
        return cookie;
    }

    @Test
    void shouldClassifyJsonArrayInOrder() {
        asOperator().body(List.of(cookie("_ga", null), cookie("PHPSESSID", null), cookie("token", ".adform.net"),
                cookie("token", "ib.adnxs.com"), cookie("qqx_conf", null)))
                .post(PATH).then().statusCode(200).contentType(ContentType.JSON)
                .body("", hasSize(5))
                .body("[0].name", equalTo("_ga"))
                .body("[0].category", equalTo("analytical"))
                .body("[0].source", equalTo("vendor"))
                .body("[0].confidence", equalTo(0.95f))
                .body("[0].vendor", equalTo("Google Analytics"))
                .body("[0].reason", startsWith("Matches Google Analytics's documented cookie _ga"))
                .body("[1].category", equalTo("functional"))
                .body("[2].category", equalTo("marketing"))
                .body("[3].category", equalTo("marketing"))
                .body("[4].name", equalTo("qqx_conf"))
                .body("[4].category", equalTo("unclassified"))
                .body("[4].source", equalTo("model"))
                .body("[4].confidence", lessThan(0.6f));
    }

    @Test
    void shouldClassifyCsvWithNameAndDomainColumns() {
        String csv = "name,domain\r\n_fbp,\r\n\"token\",ib.adnxs.com\r\nmyshop_session,www.shop.test\r\n\r\n";
        asOperator().contentType("text/csv").body(csv).post(PATH).then().statusCode(200)
                .body("", hasSize(3))
                .body("name", equalTo(List.of("_fbp", "token", "myshop_session")))
                .body("category", equalTo(List.of("marketing", "marketing", "functional")))
                .body("source", equalTo(List.of("vendor", "vendor", "rule")));
        // columns in any order, and the domain column may be left out
        asOperator().contentType("text/csv").body("domain,name\n.adform.net,token\n").post(PATH).then()
                .statusCode(200).body("[0].category", equalTo("marketing"));
        asOperator().contentType("text/csv").body("name\n_gid\n").post(PATH).then()
                .statusCode(200).body("[0].category", equalTo("analytical"));
    }

    @Test
    void shouldAcceptAnySitesKey() {
        String key = createSite("Classify", "classify.test").getString("apiKey");
        withKey(key).body(List.of(cookie("_gid", null))).post(PATH).then().statusCode(200)
                .body("[0].category", equalTo("analytical"));
    }

    @Test
    void shouldRefuseCallersWithoutToken() {
        given().contentType(ContentType.JSON).body(List.of(cookie("_ga", null))).post(PATH).then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("Bearer"));
        given().header("Authorization", "Bearer not-a-key").contentType(ContentType.JSON)
                .body(List.of(cookie("_ga", null))).post(PATH).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRejectBadJsonWithProblemDetails() {
        asOperator().body("[{\"name\": \"_ga\"},").post(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("JSON"));
        asOperator().body("{\"name\": \"_ga\"}").post(PATH).then().statusCode(400)
                .contentType("application/problem+json");
        asOperator().body(List.of(cookie("_ga", null), cookie(" ", null))).post(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("detail", equalTo("Cookie 1 has no 'name'"))
                .body("errors.field", equalTo(List.of("[1].name"))).body("errors[0].message", equalTo("has no 'name'"));
        asOperator().body("[{\"name\": \"_ga\", \"colour\": \"red\"}]").post(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("colour"));
        asOperator().body(List.of(cookie("x".repeat(300), "d".repeat(300)))).post(PATH).then().statusCode(400)
                .body("detail", containsString("longer than"))
                .body("errors.field", equalTo(List.of("[0].domain", "[0].name")));
    }

    @Test
    void shouldRejectBadCsvWithProblemDetails() {
        asOperator().contentType("text/csv").body("cookie,domain\n_ga,\n").post(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("'name' column"));
        asOperator().contentType("text/csv").body("name,domain\n_ga,a.test,extra\n").post(PATH).then()
                .statusCode(400).body("detail", equalTo("CSV line 2 has 3 fields; the header has 2"));
        asOperator().contentType("text/csv").body("name,domain\n\"_ga,a.test\n").post(PATH).then()
                .statusCode(400).body("detail", containsString("unterminated"));
        asOperator().contentType("text/csv").body("\n\n").post(PATH).then().statusCode(400)
                .body("detail", containsString("empty"));
    }

    @Test
    void shouldLimitTheNumberOfCookies() {
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i <= 10_000; i++) {
            many.add(Map.of("name", "c" + i));
        }
        asOperator().body(many).post(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("At most 10000 cookies per request; got 10001"));
        StringBuilder csv = new StringBuilder("name\n");
        for (int i = 0; i <= 10_000; i++) {
            csv.append('c').append(i).append('\n');
        }
        asOperator().contentType("text/csv").body(csv.toString()).post(PATH).then().statusCode(400)
                .body("detail", equalTo("At most 10000 cookies per request"));
    }

    @Test
    void shouldRefuseOversizedBodiesAndOtherMediaTypes() {
        String huge = "name\n" + "a_long_cookie_name_for_padding\n".repeat(20_000);
        asOperator().contentType("text/csv").body(huge).post(PATH).then().statusCode(413)
                .contentType("application/problem+json");
        asOperator().contentType("application/xml").body("<cookies/>").post(PATH).then().statusCode(415)
                .contentType("application/problem+json");
    }
}
