package dev.akkoord.widget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.aayushatharva.brotli4j.decoder.Decoder;

@QuarkusTest
class WidgetResourceTests {

    /** rest-assured would otherwise ask for gzip itself and unpack it silently. */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    private static byte[] packaged;

    @Inject
    WidgetService widgets;

    @BeforeAll
    static void readPackagedScript() throws IOException {
        try (InputStream in = WidgetResourceTests.class.getClassLoader().getResourceAsStream(WidgetService.RESOURCE)) {
            if (in == null) {
                throw new AssertionError(WidgetService.RESOURCE + " is not packaged: build without -Dwidget.skip");
            }
            packaged = in.readAllBytes();
        }
    }

    @Test
    void shouldServeTheScriptWithAShortMaxAgeAndAnEtag() {
        byte[] body = given().config(RAW).header("Accept-Encoding", "identity")
                .when().get("/akkoord.js")
                .then().statusCode(200)
                .header("Content-Type", WidgetResource.JAVASCRIPT)
                .header("Cache-Control", WidgetResource.LATEST_CACHE)
                .header("ETag", "W/\"" + contentHash() + "\"")
                .header("Vary", WidgetResource.WITH_CONFIG_VARY) // the same URL carries a site's config on its pages
                .header("Content-Encoding", nullValue())
                .header("Access-Control-Allow-Origin", "*")
                .extract().asByteArray();
        assertArrayEquals(packaged, body);
    }

    @Test
    void shouldAnswerNotModifiedForTheCurrentEtag() {
        String etag = given().config(RAW).get("/akkoord.js").then().statusCode(200).extract().header("ETag");
        byte[] body = given().config(RAW).header("If-None-Match", etag)
                .when().get("/akkoord.js")
                .then().statusCode(304)
                .header("ETag", etag)
                .header("Cache-Control", WidgetResource.LATEST_CACHE)
                .extract().asByteArray();
        assertEquals(0, body.length);
        given().config(RAW).header("If-None-Match", "W/\"0000000000000000\"").get("/akkoord.js").then().statusCode(200);
    }

    @Test
    void shouldServeBrotliWhenAcceptedAndSmallerThanGzip() throws IOException {
        Response response = given().config(RAW).header("Accept-Encoding", "gzip, deflate, br").get("/akkoord.js");
        response.then().statusCode(200).header("Content-Encoding", "br").header("Vary", WidgetResource.WITH_CONFIG_VARY);
        byte[] brotli = response.asByteArray();
        assertArrayEquals(packaged, Decoder.decompress(brotli, 0, brotli.length));
        int gzipped = given().config(RAW).header("Accept-Encoding", "gzip").get("/akkoord.js").asByteArray().length;
        assertTrue(brotli.length < gzipped, "brotli " + brotli.length + " B against gzip " + gzipped + " B");
    }

    @Test
    void shouldServeGzipWhenAccepted() throws IOException {
        Response response = given().config(RAW).header("Accept-Encoding", "gzip, deflate").get("/akkoord.js");
        response.then().statusCode(200).header("Content-Encoding", "gzip").header("Vary", WidgetResource.WITH_CONFIG_VARY);
        byte[] gzipped = response.asByteArray();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            assertArrayEquals(packaged, in.readAllBytes());
        }
        if (gzipped.length > 8192) {
            throw new AssertionError("the banner is over its 8 KB gzip budget: " + gzipped.length);
        }
    }

    @Test
    void shouldServeTheVersionedUrlImmutablyWithTheSameBytes() {
        byte[] body = given().config(RAW).header("Accept-Encoding", "identity")
                .when().get("/akkoord/" + contentHash() + ".js")
                .then().statusCode(200)
                .header("Cache-Control", WidgetResource.IMMUTABLE_CACHE)
                .header("Content-Type", WidgetResource.JAVASCRIPT)
                .extract().asByteArray();
        assertArrayEquals(packaged, body);
    }

    @Test
    void shouldNotServeUnknownBuilds() {
        given().config(RAW).get("/akkoord/0000000000000000.js").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("/akkoord/" + contentHash() + ".js"));
        given().config(RAW).get("/akkoord/" + contentHash() + ".css").then().statusCode(404);
    }

    @Test
    void shouldNotServeTheDemoWhenSwitchedOff() {
        given().get("/demo").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldMatchTheSriValueOfTheServedBytes() throws Exception {
        byte[] body = given().config(RAW).header("Accept-Encoding", "identity").get("/akkoord/" + contentHash() + ".js").asByteArray();
        String expected = "sha384-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-384").digest(body));
        assertEquals(expected, widgets.integrity().orElseThrow());
        assertEquals(expected.length(), 71);
    }

    private static String contentHash() {
        try {
            StringBuilder hex = new StringBuilder();
            for (byte b : MessageDigest.getInstance("SHA-256").digest(packaged)) {
                hex.append(String.format("%02x", b));
            }
            return hex.substring(0, 16);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
