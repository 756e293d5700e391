package dev.akkoord.cdn;

import static dev.akkoord.testsupport.Api.consent;
import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.withKey;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.akkoord.cdn.SwitchableForwarder.Mode;
import dev.akkoord.testsupport.Waits;
import dev.akkoord.widget.WidgetService;

/**
 * The README's nginx configuration ({@link ReadmeNginx}) in front of the platform, with a {@link SwitchableForwarder}
 * between them to play the platform down: the banner is cached by its own headers and survives the outage, nothing
 * else is cached, and a changed banner arrives once the cached one has expired.
 */
@QuarkusTest
class NginxInFrontTest {

    private static final String ORIGIN = "https://www.example.test";
    private static final String CACHE_STATUS = "X-Cache-Status";
    /** The bytes as sent: rest-assured would otherwise unpack gzip itself. */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    @Inject
    WidgetService widgets;

    private SwitchableForwarder forwarder;
    private ReadmeNginx nginx;

    @BeforeEach
    void start() throws Exception {
        NeedsNginx.check();
        forwarder = new SwitchableForwarder(RestAssured.port);
        nginx = ReadmeNginx.start(forwarder.port());
    }

    @AfterEach
    void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        if (forwarder != null) {
            forwarder.close();
        }
    }

    @Test
    void theBannerIsCachedByItsHeadersAndNothingElseIs() {
        JsonPath site = createSite("Shop", "www.example.test");
        String id = site.getString("id");
        String script = "/akkoord/site/" + id + ".js";
        String config = "/api/v1/sites/" + id + "/banner";

        for (String path : new String[] { script, config }) {
            Response first = viaNginx().get(path);
            assertEquals(200, first.statusCode(), path);
            assertEquals("MISS", first.header(CACHE_STATUS), path);
            assertEquals("public, max-age=60, stale-while-revalidate=300, stale-if-error=86400",
                    first.header("Cache-Control"), path);
            Response second = viaNginx().get(path);
            assertEquals("HIT", second.header(CACHE_STATUS), path);
            assertArrayEquals(first.asByteArray(), second.asByteArray(), path);
            assertEquals(1, forwarder.forwarded(path), "the second answer came from the cache: " + path);
        }
        assertEquals("MISS", viaNginx().get(config + "?lang=en").header(CACHE_STATUS), "each language its own entry");
        String build = widgets.asset().orElseThrow().versionedPath();
        assertEquals("MISS", viaNginx().get(build).header(CACHE_STATUS));
        assertEquals("HIT", viaNginx().get(build).header(CACHE_STATUS), "the immutable build: " + build);
        assertEquals("gzip", viaNginx().header("Accept-Encoding", "gzip").get(script).header("Content-Encoding"),
                "one variant per Accept-Encoding (the answer's Vary), not the identity one");

        for (int i = 1; i <= 2; i++) {
            Response consent = viaNginx().contentType(ContentType.JSON).header("Origin", ORIGIN)
                    .body(consent(site, "custom", true, false)).post("/api/v1/consents");
            assertEquals(201, consent.statusCode(), consent.asString());
            assertNull(consent.header(CACHE_STATUS));
            assertEquals(i, forwarder.forwarded("/api/v1/consents"));

            Response dashboard = viaNginx().get("/dashboard/login");
            assertEquals(200, dashboard.statusCode());
            assertNull(dashboard.header(CACHE_STATUS));
            assertEquals(i, forwarder.forwarded("/dashboard/login"));

            Response withKey = viaNginx().header("Authorization", "Bearer " + site.getString("apiKey"))
                    .get("/api/v1/sites/" + id);
            assertEquals(200, withKey.statusCode());
            assertNull(withKey.header(CACHE_STATUS));
            assertEquals(i, forwarder.forwarded("/api/v1/sites/" + id));

            Response perPage = viaNginx().header("Referer", ORIGIN + "/").get("/akkoord.js");
            assertEquals(200, perPage.statusCode());
            assertNull(perPage.header(CACHE_STATUS), "/akkoord.js may carry a page's site config: passed through");
            assertEquals(i, forwarder.forwarded("/akkoord.js"));
        }
    }

    @Test
    void theBannerOutlivesAnOutageAndAChangeArrivesOnceTheCachedOneExpired() throws Exception {
        JsonPath site = createSite("Shop", "www.example.test");
        String id = site.getString("id");
        String script = "/akkoord/site/" + id + ".js";
        String config = "/api/v1/sites/" + id + "/banner";
        byte[] cachedScript = viaNginx().get(script).then().statusCode(200).extract().asByteArray();
        byte[] cachedConfig = viaNginx().get(config).then().statusCode(200).extract().asByteArray();

        // Past max-age and stale-while-revalidate: only the outage rules keep them.
        nginx.ageCache(Duration.ofHours(1));
        forwarder.switchTo(Mode.REFUSE);
        assertServedStale(script, cachedScript);
        assertServedStale(config, cachedConfig);

        forwarder.switchTo(Mode.UNAVAILABLE);
        assertServedStale(script, cachedScript);
        assertServedStale(config, cachedConfig);
        // nginx did try the platform (its background refresh), got 503s, and kept the old copies.
        Waits.until("nginx's refresh attempts", Duration.ofSeconds(5), () -> forwarder.answeredUnavailable() >= 2);
        assertServedStale(script, cachedScript);

        forwarder.switchTo(Mode.FORWARD);
        for (String path : new String[] { script, config }) {
            Waits.until("nginx refreshing " + path + " once the platform is back", Duration.ofSeconds(10),
                    () -> "HIT".equals(viaNginx().get(path).header(CACHE_STATUS)));
        }
        String version = withKey(site.getString("apiKey"))
                .body(Map.of("texts", Map.of("en", Map.of("title", "Cookies, after the outage"))))
                .put("/api/v1/sites/" + id).then().statusCode(200).extract().jsonPath().getString("bannerVersion");
        Response cached = viaNginx().get(config);
        assertEquals("HIT", cached.header(CACHE_STATUS));
        assertArrayEquals(cachedConfig, cached.asByteArray(), "the old banner until its max-age has passed");

        nginx.ageCache(Duration.ofSeconds(61)); // max-age passed
        assertServedStale(config, cachedConfig); // answered at once, refreshed behind it
        Waits.until("the new banner version from nginx", Duration.ofSeconds(10), () -> {
            Response answer = viaNginx().get(config);
            return "HIT".equals(answer.header(CACHE_STATUS))
                    && version.equals(new JsonPath(answer.asString()).getString("version"));
        });
        assertServedStale(script, cachedScript);
        Waits.until("the new banner script from nginx", Duration.ofSeconds(10), () -> {
            Response answer = viaNginx().get(script);
            return "HIT".equals(answer.header(CACHE_STATUS))
                    && new String(answer.asByteArray(), StandardCharsets.UTF_8).contains("Cookies, after the outage");
        });
    }

    private void assertServedStale(String path, byte[] cached) {
        Response answer = viaNginx().get(path);
        assertEquals(200, answer.statusCode(), path + ": " + nginx.logs());
        assertEquals("STALE", answer.header(CACHE_STATUS), path);
        assertArrayEquals(cached, answer.asByteArray(), path);
        assertTrue(answer.header("ETag") != null, path);
    }

    private RequestSpecification viaNginx() {
        return given().config(RAW).port(nginx.port());
    }
}
