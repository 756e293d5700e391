package dev.akkoord.widget;

import static dev.akkoord.testsupport.Api.createSite;
import static dev.akkoord.testsupport.Api.withKey;
import dev.akkoord.testsupport.Waits;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import com.aayushatharva.brotli4j.decoder.Decoder;

@QuarkusTest
class SiteScriptResourceTests {

    private static final String PREFIX = "window.akkoordSiteConfig=";
    /** rest-assured would otherwise ask for gzip itself and unpack it silently. */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    @Inject
    WidgetService widgets;

    @Test
    void carriesTheSitesConfigInFrontOfTheBannerScript() {
        JsonPath site = createSite(Map.of("name", "Shop", "domains", List.of("www.example.test"),
                "languages", List.of("nl", "en")));
        String siteId = site.getString("id");
        String script = given().when().get("/akkoord/site/" + siteId + ".js")
                .then().statusCode(200)
                .header("Content-Type", WidgetResource.JAVASCRIPT)
                .header("Cache-Control", "public, max-age=60, stale-while-revalidate=300, stale-if-error=86400")
                .header("Access-Control-Allow-Origin", "*")
                .extract().asString();
        String banner = new String(widgets.asset().orElseThrow().body(), StandardCharsets.UTF_8);
        assertTrue(script.startsWith(PREFIX), script.substring(0, 40));
        assertTrue(script.endsWith(banner), "the banner script follows the config unchanged");

        JsonPath config = new JsonPath(script.substring(PREFIX.length(), script.indexOf(";\n")));
        assertEquals(siteId, config.getString("siteId"));
        assertEquals(site.getString("bannerVersion"), config.getString("version"));
        assertEquals("nl", config.getString("language"), "the site's default language without ?lang");

        String english = given().when().get("/akkoord/site/" + siteId + ".js?lang=en-GB").then().statusCode(200)
                .extract().asString();
        assertEquals("en", new JsonPath(english.substring(PREFIX.length(), english.indexOf(";\n"))).getString("language"));
    }

    @Test
    void revalidatesByEtagAndChangesWithTheSite() {
        JsonPath site = createSite("Shop", "www.example.test");
        String path = "/akkoord/site/" + site.getString("id") + ".js";
        String etag = given().when().get(path).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).when().get(path).then().statusCode(304);

        withKey(site.getString("apiKey")).body(Map.of("texts", Map.of("en", Map.of("title", "Cookies, briefly"))))
                .put("/api/v1/sites/" + site.getString("id")).then().statusCode(200);
        Response changed = given().header("If-None-Match", etag).when().get(path);
        assertEquals(200, changed.statusCode(), "a changed banner is a new script");
        assertNotEquals(etag, changed.header("ETag"));
        assertTrue(changed.asString().contains("Cookies, briefly"));
    }

    @Test
    void theGzipFormIsTheSameScriptAndStaysTheSameUntilTheSiteChanges() throws IOException {
        JsonPath site = createSite("Shop", "www.example.test");
        String path = "/akkoord/site/" + site.getString("id") + ".js";
        String plain = given().config(RAW).when().get(path).then().statusCode(200).extract().asString();

        Response first = given().config(RAW).header("Accept-Encoding", "gzip, deflate").when().get(path);
        first.then().statusCode(200).header("Content-Encoding", "gzip").header("Vary", "Accept-Encoding");
        assertEquals(plain, gunzip(first.asByteArray()));
        Response second = given().config(RAW).header("Accept-Encoding", "gzip").when().get(path);
        assertEquals(first.header("ETag"), second.header("ETag"));
        assertTrue(first.header("ETag").startsWith("W/"), "one validator for both codings is a weak one");
        assertEquals(plain, gunzip(second.asByteArray()));

        withKey(site.getString("apiKey")).body(Map.of("texts", Map.of("en", Map.of("title", "Cookies, in short"))))
                .put("/api/v1/sites/" + site.getString("id")).then().statusCode(200);
        Response changed = given().config(RAW).header("Accept-Encoding", "gzip").when().get(path);
        assertNotEquals(first.header("ETag"), changed.header("ETag"));
        assertTrue(gunzip(changed.asByteArray()).contains("Cookies, in short"), "no stale gzip of the old version");
    }

    @Test
    void theBrotliFormFollowsOnceCompressedAndIsTheSameScript() throws Exception {
        JsonPath site = createSite("Shop", "www.example.test");
        String path = "/akkoord/site/" + site.getString("id") + ".js";
        String plain = given().config(RAW).when().get(path).then().statusCode(200).extract().asString();

        // The first answer of a new version may still be gzip: brotli's best level is made off the event loop.
        AtomicReference<Response> answer = new AtomicReference<>();
        Waits.until("the brotli form of the site's script", Duration.ofSeconds(10), () -> {
            answer.set(given().config(RAW).header("Accept-Encoding", "gzip, br").when().get(path));
            return "br".equals(answer.get().header("Content-Encoding"));
        });

        Response brotli = answer.get();
        brotli.then().statusCode(200).header("Vary", "Accept-Encoding");
        byte[] compressed = brotli.asByteArray();
        assertEquals(plain, new String(Decoder.decompress(compressed, 0, compressed.length), StandardCharsets.UTF_8));
    }

    private static String gunzip(byte[] gzipped) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anUnknownOrMalformedSiteIsAJsonNotFound() {
        for (String id : List.of("7d1f3b9e-0000-4000-8000-000000000000", "not-a-site")) {
            given().when().get("/akkoord/site/" + id + ".js")
                    .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        }
    }
}
