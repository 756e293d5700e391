package dev.akkoord.web;

import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.recordConsent;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.akkoord.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The API document at /q/openapi against what the API does: the bearer scheme on exactly the operations that
 * refuse a request without a key, the status codes and both forms of the consent log, an example for every operation
 * and the problem+json error answers.
 */
@QuarkusTest
class OpenApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "application/problem+json";

    private JsonNode document;

    @BeforeEach
    void readDocument() throws Exception {
        document = JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
    }

    @Test
    void shouldDeclareTheBearerScheme() {
        JsonNode scheme = document.at("/components/securitySchemes/bearer");
        assertEquals("http", scheme.path("type").asText());
        assertEquals("bearer", scheme.path("scheme").asText());
    }

    /** Swagger UI is served in production too (quarkus.swagger-ui.always-include) and reads this document. */
    @Test
    void shouldServeSwaggerUi() {
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(startsWith("text/html"));
    }

    @Test
    void shouldRequireTheKeyOnKeyedOperationsOnly() {
        List<String> keyed = new ArrayList<>();
        List<String> open = new ArrayList<>();
        operations().forEach(op -> (requiresBearer(op.node()) ? keyed : open).add(op.name()));

        assertThat(keyed, hasItems("GET /api/v1/sites/{siteId}/consents", "POST /api/v1/sites",
                "PUT /api/v1/sites/{siteId}", "POST /api/v1/classify", "POST /api/v1/evidence/keys",
                "GET /api/v1/sites/{siteId}/analytics", "POST /api/v1/sites/{siteId}/scans"));
        assertThat(open, hasItems("POST /api/v1/consents", "GET /api/v1/consents/{consentId}",
                "GET /api/v1/sites/{siteId}/banner", "GET /akkoord.js", "GET /akkoord/site/{siteId}.js",
                "GET /.well-known/akkoord-keys.json"));
    }

    /** Each operation asked without a key, with its documented request example: 401 exactly where a lock is shown. */
    @Test
    void shouldAnswer401WithoutAKeyExactlyWhereTheDocumentShowsTheLock() {
        List<String> wrong = new ArrayList<>();
        for (Op op : operations()) {
            int status = callWithoutKey(op).statusCode();
            if (requiresBearer(op.node()) != (status == 401)) {
                wrong.add(op.name() + " answered " + status);
            }
        }
        assertThat(wrong, empty());
    }

    @Test
    void shouldDocumentTheConsentPostAs201() {
        JsonNode responses = document.at("/paths/~1api~1v1~1consents/post/responses");
        assertTrue(responses.has("201"), "201 documented");
        assertFalse(responses.has("200"), "no 200 documented");
        assertTrue(responses.at("/201/content/application~1json/example").has("receipt"));
    }

    @Test
    void shouldDocumentBothFormsOfTheConsentLog() {
        JsonNode content = document.at("/paths/~1api~1v1~1sites~1{siteId}~1consents/get/responses/200/content");
        assertTrue(content.has("application/json"), content.toString());
        assertTrue(content.has("text/csv"), content.toString());
        assertTrue(content.at("/application~1json/example").has("nextCursor"));
        assertTrue(content.at("/text~1csv/example").asText().startsWith("record_id,site_id,"));
    }

    @Test
    void shouldGiveEveryOperationAnExample() {
        List<String> without = operations().stream().filter(op -> !hasOwnExample(op.node())).map(Op::name).toList();
        assertThat(without, empty());
    }

    @Test
    void shouldDocumentAProblemJsonErrorForEveryOperation() {
        List<String> without = new ArrayList<>();
        for (Op op : operations()) {
            boolean problem = false;
            for (var status = op.node().path("responses").fieldNames(); status.hasNext();) {
                String code = status.next();
                problem |= code.startsWith("4") && op.node().path("responses").path(code).path("content").has(PROBLEM);
            }
            if (!problem) {
                without.add(op.name());
            }
        }
        assertThat(without, empty());
    }

    /** The document's JSON examples are JSON, not strings that merely look like it. */
    @Test
    void shouldParseEveryJsonExample() {
        List<String> strings = new ArrayList<>();
        for (Op op : operations()) {
            op.node().findParents("example").forEach(parent -> {
                if (parent.path("example").isTextual() && parent.path("example").asText().trim().matches("[\\[{].*")) {
                    strings.add(op.name());
                }
            });
        }
        assertThat(strings, empty());
    }

    /** The documented example body, with a real site in it, is accepted and answered as documented. */
    @Test
    void shouldAnswerTheConsentPostWithTheDocumentedStatusAndFields() {
        JsonPath site = createSite("Documented", "www.example.test");
        JsonNode post = document.at("/paths/~1api~1v1~1consents/post");
        ObjectNode body = (ObjectNode) post.at("/requestBody/content/application~1json/example").deepCopy();
        body.put("siteId", site.getString("id")).put("bannerVersion", site.getString("bannerVersion"));

        Response answer = given().contentType("application/json").header("Origin", "https://www.example.test")
                .body(body.toString()).post("/api/v1/consents");

        String success = successStatus(post);
        assertEquals(success, Integer.toString(answer.statusCode()), answer.asString());
        Map<String, Object> received = answer.jsonPath().getMap("$");
        post.at("/responses/" + success + "/content/application~1json/example").fieldNames()
                .forEachRemaining(field -> assertThat(received.keySet(), hasItem(field)));

        Response foreign = given().contentType("application/json").header("Origin", "https://evil.test")
                .body(body.toString()).post("/api/v1/consents");
        assertEquals(403, foreign.statusCode());
        assertThat(foreign.contentType(), startsWith(PROBLEM));
        assertTrue(post.path("responses").has("403"));
    }

    /** Each JSON GET asked for a real site answers the fields its example shows, no more and no fewer. */
    @Test
    void shouldAnswerTheFieldsOfTheDocumentedExamples() throws Exception {
        JsonPath site = createSite("Examples", "www.example.test");
        String consentId = recordConsent(site, "https://www.example.test", "custom", true, false)
                .getString("consentId");
        List<String> wrong = new ArrayList<>();
        int compared = 0;
        for (Op op : operations()) {
            JsonNode example = op.node().at("/responses/200/content/application~1json/example");
            if (!op.method().equals("get") || example.isMissingNode()) {
                continue;
            }
            String path = op.path().replace("{siteId}", site.getString("id"))
                    .replace("{version}", site.getString("bannerVersion")).replace("{consentId}", consentId)
                    .replace("{scanId}", UUID.randomUUID().toString());
            Response answer = given().header("Authorization", "Bearer " + site.getString("apiKey")).get(path);
            JsonNode real = JSON.readTree(answer.asString());
            if (answer.statusCode() != 200 || real.isArray() && real.isEmpty()) {
                continue; // nothing of that kind yet (no scan): its example cannot be compared here
            }
            if (!fieldNames(example).equals(fieldNames(real))) {
                wrong.add(op.name() + ": documented " + fieldNames(example) + ", answered " + fieldNames(real));
            }
            compared++;
        }
        assertThat(wrong, empty());
        assertTrue(compared >= 10, "compared " + compared);
    }

    /** The field names of an object, or of an array's first element; empty for an empty array. */
    private static Set<String> fieldNames(JsonNode node) {
        JsonNode object = node.isArray() ? node.path(0) : node;
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void shouldNotDocumentTheDashboardOrTheDemo() {
        document.path("paths").fieldNames().forEachRemaining(path -> {
            assertThat(path, not(startsWith("/dashboard")));
            assertThat(path, not(equalTo("/demo")));
        });
    }

    private record Op(String method, String path, JsonNode node) {
        String name() {
            return method.toUpperCase() + " " + path;
        }
    }

    private List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (List.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                ops.add(new Op(op.getKey(), path.getKey(), op.getValue()));
            }
        }));
        assertNotEquals(0, ops.size());
        return ops;
    }

    private static boolean requiresBearer(JsonNode operation) {
        for (JsonNode requirement : operation.path("security")) {
            if (requirement.has("bearer")) {
                return true;
            }
        }
        return false;
    }

    /** An example in a success answer, the request body or a parameter: the error answers' examples do not count. */
    private boolean hasOwnExample(JsonNode operation) {
        List<JsonNode> places = new ArrayList<>();
        operation.path("responses").fields().forEachRemaining(r -> {
            if (r.getKey().startsWith("2")) {
                places.add(resolved(r.getValue()));
            }
        });
        places.add(operation.path("requestBody"));
        places.add(operation.path("parameters"));
        return places.stream().anyMatch(place -> !place.findValues("example").isEmpty()
                || !place.findValues("examples").isEmpty());
    }

    /** A shared answer ({@code $ref} to components.responses) as the document defines it. */
    private JsonNode resolved(JsonNode response) {
        String ref = response.path("$ref").asText();
        return ref.isEmpty() ? response : document.at(ref.substring(1));
    }

    private static String successStatus(JsonNode operation) {
        List<String> codes = new ArrayList<>();
        operation.path("responses").fieldNames().forEachRemaining(code -> {
            if (code.startsWith("2")) {
                codes.add(code);
            }
        });
        assertEquals(1, codes.size(), "one success status: " + codes);
        return codes.get(0);
    }

    /**
     * The operations anyone may call, each with the reason. Every other operation must carry the lock, so an endpoint
     * added later without a gate fails {@link #shouldGateEveryOperationNotListedAsPublic} until it is gated or
     * listed here.
     */
    private static final Map<String, String> PUBLIC = Map.ofEntries(
            Map.entry("POST /api/v1/consents", "the banner records a visitor's decision; the Origin is checked"),
            Map.entry("GET /api/v1/consents/{consentId}", "the visitor's own history; the random id is the key"),
            Map.entry("GET /api/v1/consents/{consentId}/latest", "the banner on a site's other domain; same id"),
            Map.entry("GET /api/v1/sites/{siteId}/banner", "the banner's configuration, read by every page"),
            Map.entry("GET /.well-known/akkoord-keys.json", "the public keys anyone verifies checkpoints with"),
            Map.entry("GET /akkoord.js", "the banner script pages load"),
            Map.entry("GET /akkoord/{file}", "the banner script of one build, for Subresource Integrity"),
            Map.entry("GET /akkoord/site/{siteId}.js", "the banner script with the site's config inside"),
            Map.entry("GET /akkoord-defaults.js", "the Consent Mode stub pages load first"),
            Map.entry("GET /akkoord-defaults/{file}", "the Consent Mode stub of one build"),
            Map.entry("GET /akkoord-declaration.js", "the cookie declaration script pages load"),
            Map.entry("GET /akkoord-embeds.js", "the embed placeholders script pages load"),
            Map.entry("GET /akkoord-domains.js", "the banner's cross-domain part pages load"));

    private static final String NO_KEY = "Send 'Authorization: Bearer <token>' with the operator token or the site's "
            + "API key";
    private static final String NOT_VALID = "The bearer token is not valid";
    private static final String OPERATORS_ONLY = "Only the operator may do this";
    private static final String OTHER_SITE = "This API key belongs to another site";

    /** Each operation is either in {@link #PUBLIC} or shows the lock, never both; the list names no stale ones. */
    @Test
    void shouldGateEveryOperationNotListedAsPublic() {
        List<String> wrong = new ArrayList<>();
        Set<String> documented = new TreeSet<>();
        for (Op op : operations()) {
            documented.add(op.name());
            if (requiresBearer(op.node()) == PUBLIC.containsKey(op.name())) {
                wrong.add(op.name() + (requiresBearer(op.node()) ? " is listed as public but shows the lock"
                        : " is neither gated nor listed as public"));
            }
        }
        PUBLIC.keySet().stream().filter(name -> !documented.contains(name))
                .forEach(name -> wrong.add(name + " is listed as public but not documented"));
        assertThat(wrong, empty());
    }

    /**
     * A public operation never asks who calls: a stray or wrong token (a page that sends one along) changes nothing,
     * because only the keyed endpoints authenticate (quarkus.http.auth.proactive=false).
     */
    @Test
    void shouldLeavePublicOperationsOpenWhateverTokenComesAlong() {
        JsonPath site = createSite("Gate public", "www.example.test");
        List<String> wrong = new ArrayList<>();
        for (Op op : operations()) {
            if (!PUBLIC.containsKey(op.name())) {
                continue;
            }
            Response answer = call(op, bodyTypes(op).get(0), site.getString("id"), "Bearer ak_not-a-key");
            int status = answer.statusCode();
            if (status == 401 || status >= 500 || answer.header("WWW-Authenticate") != null) {
                wrong.add(op.name() + " answered " + status + " " + answer.asString());
            }
        }
        assertThat(wrong, empty());
    }

    /**
     * The gate on every keyed operation of the document (a new one is covered without touching this test), each asked
     * with its documented example in each documented body type, so that a 400 cannot hide the answer, and for each
     * documented type of answer: no key or a header that is not a bearer token, a token that is no key, an unknown
     * and a revoked key are 401 with the challenge; another site's key is 403. A site's own key, on a site of its own,
     * tells the operator's operations (403) from the site's (neither 401 nor 403); classifying names no site, so any
     * key may.
     */
    @Test
    void shouldRefuseAMissingAWrongAndAnotherSitesKeyOnEveryKeyedOperation() {
        JsonPath mine = createSite("Gate mine", "gate-mine.test");
        JsonPath theirs = createSite("Gate theirs", "gate-theirs.test");
        JsonPath rotated = createSite("Gate rotated", "gate-rotated.test");
        String revoked = rotated.getString("apiKey");
        // Rotating revokes the key the site had.
        Api.withKey(revoked).post("/api/v1/sites/" + rotated.getString("id") + "/api-key").then().statusCode(200);
        List<String> wrong = new ArrayList<>();
        int keyed = 0;
        int operatorsOnly = 0;
        for (Op op : operations()) {
            if (!requiresBearer(op.node())) {
                continue;
            }
            keyed++;
            String siteId = mine.getString("id");
            expectUnauthorized(wrong, op, siteId, revoked);
            Response own = withOwnKey(op);
            Response foreign = call(op, bodyTypes(op).get(0), siteId, "Bearer " + theirs.getString("apiKey"));
            if (own.statusCode() == 403) {
                operatorsOnly++;
                expect(wrong, op, "its own site", "its own key", own, 403, OPERATORS_ONLY);
                expect(wrong, op, "another site", "a site key", foreign, 403, OPERATORS_ONLY);
            } else if (own.statusCode() == 401) {
                wrong.add(op.name() + " refused a site's own key: " + own.asString());
            } else if (op.path().contains("{siteId}")) {
                for (String accept : answerTypes(op)) {
                    expect(wrong, op, "another site -> " + accept, "another site's key",
                            call(op, bodyTypes(op).get(0), accept, siteId, "Bearer " + theirs.getString("apiKey")),
                            403, OTHER_SITE);
                }
            } else if (foreign.statusCode() == 401 || foreign.statusCode() == 403) {
                wrong.add(op.name() + " takes a site key but refused one: " + foreign.asString());
            }
        }
        assertTrue(keyed >= 20, "keyed operations found: " + keyed);
        assertTrue(operatorsOnly >= 4, "operations only the operator may call: " + operatorsOnly);
        assertThat(wrong, empty());
    }

    /** Each body and answer type of the operation on {@code siteId}: every request without a valid key is a 401. */
    private static void expectUnauthorized(List<String> wrong, Op op, String siteId, String revoked) {
        String unknown = "Bearer ak_" + "0".repeat(64);
        for (String body : bodyTypes(op)) {
            for (String accept : answerTypes(op)) {
                String form = body + " -> " + accept;
                expect(wrong, op, form, "no key", call(op, body, accept, siteId, null), 401, NO_KEY);
                expect(wrong, op, form, "a Basic header", call(op, body, accept, siteId, "Basic b3BlcmF0b3I6eA=="),
                        401, NO_KEY);
                expect(wrong, op, form, "a token that is no key",
                        call(op, body, accept, siteId, "Bearer ak_not-a-key"), 401, NOT_VALID);
                expect(wrong, op, form, "a key nobody was given", call(op, body, accept, siteId, unknown), 401,
                        NOT_VALID);
                expect(wrong, op, form, "a revoked key", call(op, body, accept, siteId, "Bearer " + revoked), 401,
                        NOT_VALID);
            }
        }
    }

    /** The operation with a fresh site's own key on that site; its one domain is this machine, should it be scanned. */
    private static Response withOwnKey(Op op) {
        JsonPath site = createSite("Gate own " + op.name(), "127.0.0.1:9");
        return call(op, bodyTypes(op).get(0), site.getString("id"), "Bearer " + site.getString("apiKey"));
    }

    private static void expect(List<String> wrong, Op op, String mediaType, String what, Response answer, int status,
            String detail) {
        boolean problem = answer.contentType().startsWith(PROBLEM);
        boolean challenge = status != 401 || "Bearer".equals(answer.header("WWW-Authenticate"));
        if (answer.statusCode() != status || !problem || !challenge
                || !detail.equals(answer.jsonPath().getString("detail"))
                || !(status == 401 ? "Unauthorized" : "Forbidden").equals(answer.jsonPath().getString("title"))) {
            wrong.add(op.name() + " (" + mediaType + ") with " + what + " answered " + answer.statusCode() + " "
                    + answer.contentType() + " WWW-Authenticate=" + answer.header("WWW-Authenticate") + " "
                    + answer.asString());
        }
    }

    /** The request body types the operation documents, or one null entry when it takes no body. */
    private static List<String> bodyTypes(Op op) {
        List<String> types = new ArrayList<>();
        op.node().at("/requestBody/content").fieldNames().forEachRemaining(types::add);
        if (types.isEmpty()) {
            types.add(null);
        }
        return types;
    }

    /**
     * The types the success answer comes in (a hidden method may serve one, as the consent log's CSV), or one null
     * entry for an answer without a body.
     */
    private static List<String> answerTypes(Op op) {
        List<String> types = new ArrayList<>();
        op.node().path("responses").fields().forEachRemaining(answer -> {
            if (answer.getKey().startsWith("2")) {
                answer.getValue().path("content").fieldNames().forEachRemaining(types::add);
            }
        });
        if (types.isEmpty()) {
            types.add(null);
        }
        return types;
    }

    private static Response callWithoutKey(Op op) {
        return call(op, bodyTypes(op).get(0), UUID.randomUUID().toString(), null);
    }

    /** The operation on {@code siteId} with its documented example body of {@code mediaType} (null: no body). */
    private static Response call(Op op, String mediaType, String siteId, String authorization) {
        return call(op, mediaType, null, siteId, authorization);
    }

    /** As above, asking for the answer in {@code accept} (null: any). */
    private static Response call(Op op, String mediaType, String accept, String siteId, String authorization) {
        String path = op.path().replace("{siteId}", siteId)
                .replace("{scanId}", UUID.randomUUID().toString()).replace("{version}", "0000000000000000")
                .replace("{consentId}", "0123456789abcdef0123456789abcdef").replace("{name}", "_ga")
                .replace("{host}", "tracker.example.test").replace("{file}", "0000.js");
        RequestSpecification request = given().header("Origin", "https://www.example.test");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (accept != null) {
            request.accept(accept);
        }
        if (mediaType != null) {
            JsonNode example = op.node().at("/requestBody/content").path(mediaType).path("example");
            request.contentType(mediaType).body(example.isTextual() ? example.asText() : example.toString());
        }
        return request.request(op.method(), path);
    }
}
