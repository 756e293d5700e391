package dev.akkoord.widget;

import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.withKey;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.akkoord.dashboard.BannerSightings;
import dev.akkoord.testsupport.ExternalServersToo;
import dev.akkoord.testsupport.Waits;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.Header;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The banner's hot paths answered from memory ({@link BannerRoute}) must be the answers the REST resources give: same
 * status, headers and bytes, in every coding, for 304 and HEAD; and they must follow a change at once.
 */
@QuarkusTest
@ExternalServersToo
class BannerRouteTests {

    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
    /** Headers that may differ between two answers of the same thing. */
    private static final List<String> VOLATILE = List.of("date", "content-length");
    private static final List<String> CODINGS = List.of("identity", "gzip", "br", "gzip, deflate, br, zstd");

    @Inject
    BannerRoute route;
    @Inject
    BannerSightings sightings;
    @Inject
    WidgetService widgets;

    @Test
    void answersFromMemoryWhatTheResourcesAnsweredFirst() {
        JsonPath site = createSite("Route", "route-" + UUID.randomUUID().toString().substring(0, 8) + ".example.test");
        String id = site.getString("id");
        for (String path : List.of("/akkoord/site/" + id + ".js", "/api/v1/sites/" + id + "/banner")) {
            // Brotli is made off the event loop after the first answer; from then on both ways have it.
            get(path, null, "gzip", null);
            Waits.until("brotli for " + path, Duration.ofSeconds(10),
                    () -> "br".equals(get(path, null, "br", null).header("Content-Encoding")));
            // Each language is a new answer to prepare: the first request goes to the resource, the second not.
            List<String> languages = List.of("aa", "ab", "ac", "ad");
            for (int i = 0; i < CODINGS.size(); i++) {
                String asked = path + "?lang=" + languages.get(i);
                long resource = route.passedOnToResources();
                Response first = get(asked, null, CODINGS.get(i), null);
                assertEquals(resource + 1, route.passedOnToResources(), asked + " first from the resource");
                long memory = route.answeredFromMemory();
                Response again = get(asked, null, CODINGS.get(i), null);
                assertEquals(memory + 1, route.answeredFromMemory(), asked + " then from memory");
                assertSameAnswer(first, again, asked + " " + CODINGS.get(i));
                assertNotModified(asked, null, first.header("ETag"));
            }
        }
    }

    @Test
    void servesTheSharedScriptAndTheBuildsFromMemory() {
        String host = "shared-" + UUID.randomUUID().toString().substring(0, 8) + ".example.test";
        createSite("Shared", host);
        String page = "https://" + host + "/page";
        for (String referer : java.util.Arrays.asList(page, null)) {
            for (String path : List.of("/akkoord.js", widgets.asset().orElseThrow().versionedPath(), ConsentDefaultsResource.PATH,
                    ConsentDefaultsResource.versionedPath(widgets.defaults().orElseThrow()))) {
                // The shared script carries the new site's settings: a new script, whose brotli form follows the
                // first answer off the event loop. Compared once it is there, as the resources' answers are.
                Waits.until("brotli for " + path + " on " + referer, Duration.ofSeconds(10),
                        () -> "br".equals(get(path, referer, "br", null).header("Content-Encoding")));
                for (String coding : CODINGS) {
                    Response first = get(path, referer, coding, null);
                    long memory = route.answeredFromMemory();
                    Response again = get(path, referer, coding, null);
                    assertEquals(memory + 1, route.answeredFromMemory(), path + " from memory");
                    assertSameAnswer(first, again, path + " " + coding + " on " + referer);
                    assertNotModified(path, referer, first.header("ETag"));
                }
            }
        }
    }

    @Test
    void headAnswersTheHeadersWithoutTheBody() {
        JsonPath site = createSite("Head", "head-" + UUID.randomUUID().toString().substring(0, 8) + ".example.test");
        String path = "/akkoord/site/" + site.getString("id") + ".js";
        Response get = get(path, null, "gzip", null);
        long before = route.answeredFromMemory();
        Response head = given().config(RAW).header("Accept-Encoding", "gzip").when().head(path);
        assertEquals(before + 1, route.answeredFromMemory());
        assertEquals(200, head.statusCode());
        assertEquals(0, head.asByteArray().length);
        assertEquals(get.header("ETag"), head.header("ETag"));
        assertEquals("gzip", head.header("Content-Encoding"));
    }

    @Test
    void aChangeIsServedAtOnce() {
        JsonPath site = createSite("Changing", "change-" + UUID.randomUUID().toString().substring(0, 8) + ".example.test");
        String path = "/api/v1/sites/" + site.getString("id") + "/banner";
        get(path, null, "gzip", null);
        assertEquals(182, get(path, null, "identity", null).jsonPath().getInt("consentLifetimeDays"));

        withKey(site.getString("apiKey")).body(Map.of("consentLifetimeDays", 90))
                .put("/api/v1/sites/" + site.getString("id")).then().statusCode(200);

        assertEquals(90, get(path, null, "identity", null).jsonPath().getInt("consentLifetimeDays"));
        assertEquals(90, get(path, null, "identity", null).jsonPath().getInt("consentLifetimeDays"));
    }

    @Test
    void aBannerServedFromMemoryIsStillASighting() {
        String host = "seen-" + UUID.randomUUID().toString().substring(0, 8) + ".example.test";
        JsonPath site = createSite("Seen", host);
        String path = "/akkoord/site/" + site.getString("id") + ".js";
        get(path, null, "gzip", null); // prepared, without a page to sight it on
        long before = route.answeredFromMemory();
        get(path, "https://" + host + "/shop", "gzip", null);
        assertEquals(before + 1, route.answeredFromMemory());
        UUID siteId = UUID.fromString(site.getString("id"));
        Waits.until("the sighting on " + host, Duration.ofSeconds(5), () -> sightings.sightings(siteId, List.of(host))
                .await().atMost(Duration.ofSeconds(5)).stream().anyMatch(seen -> seen.origin().equals("https://" + host)));
    }

    private static void assertNotModified(String path, String referer, String etag) {
        Response unchanged = get(path, referer, "gzip", etag);
        assertEquals(304, unchanged.statusCode(), path);
        assertEquals(0, unchanged.asByteArray().length, path);
        assertEquals(etag, unchanged.header("ETag"), path);
    }

    private static Response get(String path, String referer, String acceptEncoding, String ifNoneMatch) {
        RequestSpecification request = given().config(RAW).header("Accept-Encoding", acceptEncoding);
        if (referer != null) {
            request.header("Referer", referer);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return request.when().get(path);
    }

    private static void assertSameAnswer(Response expected, Response actual, String what) {
        assertEquals(expected.statusCode(), actual.statusCode(), what);
        assertEquals(headers(expected), headers(actual), what);
        assertArrayEquals(expected.asByteArray(), actual.asByteArray(), what);
        assertTrue(expected.asByteArray().length > 0, what);
    }

    private static Map<String, String> headers(Response response) {
        Map<String, String> headers = new TreeMap<>();
        for (Header header : response.headers()) {
            String name = header.getName().toLowerCase(java.util.Locale.ROOT);
            if (!VOLATILE.contains(name)) {
                headers.merge(name, header.getValue(), (a, b) -> a + ", " + b);
            }
        }
        return headers;
    }
}
