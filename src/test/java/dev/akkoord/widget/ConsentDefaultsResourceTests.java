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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConsentDefaultsResourceTests {

    /** rest-assured would otherwise ask for gzip itself and unpack it silently. */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    private static byte[] packaged;

    @Inject
    WidgetService widgets;

    @BeforeAll
    static void readPackagedStub() throws IOException {
        try (InputStream in = ConsentDefaultsResourceTests.class.getClassLoader().getResourceAsStream(WidgetService.DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new AssertionError(WidgetService.DEFAULTS_RESOURCE + " is not packaged: build without -Dwidget.skip");
            }
            packaged = in.readAllBytes();
        }
    }

    @Test
    void shouldServeTheStubWithAnEtagAndTheShortCache() {
        byte[] body = given().config(RAW).header("Accept-Encoding", "identity")
                .when().get("/akkoord-defaults.js")
                .then().statusCode(200)
                .header("Content-Type", WidgetResource.JAVASCRIPT)
                .header("Cache-Control", WidgetResource.LATEST_CACHE)
                .header("ETag", "W/\"" + contentHash() + "\"")
                .header("Vary", "Accept-Encoding")
                .header("Content-Encoding", nullValue())
                .header("Access-Control-Allow-Origin", "*")
                .header("X-Content-Type-Options", "nosniff")
                .extract().asByteArray();
        assertArrayEquals(packaged, body);
        String source = new String(body, StandardCharsets.UTF_8);
        assertTrue(source.contains("\"default\"") && source.contains("akkoord_consent"), "the stub sets the default from the consent cookie");
    }

    @Test
    void shouldAnswerNotModifiedForTheCurrentEtagOnBothPaths() {
        String etag = given().config(RAW).get("/akkoord-defaults.js").then().statusCode(200).extract().header("ETag");
        for (String path : new String[] {"/akkoord-defaults.js", "/akkoord-defaults/" + contentHash() + ".js"}) {
            byte[] body = given().config(RAW).header("If-None-Match", etag)
                    .when().get(path)
                    .then().statusCode(304)
                    .header("ETag", etag)
                    .extract().asByteArray();
            assertEquals(0, body.length, path);
        }
        given().config(RAW).header("If-None-Match", "W/\"0000000000000000\"").get("/akkoord-defaults.js").then().statusCode(200);
    }

    @Test
    void shouldServeGzipWithinTheStubsBudget() throws IOException {
        Response response = given().config(RAW).header("Accept-Encoding", "gzip").get("/akkoord-defaults.js");
        response.then().statusCode(200).header("Content-Encoding", "gzip").header("Vary", "Accept-Encoding");
        byte[] gzipped = response.asByteArray();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            assertArrayEquals(packaged, in.readAllBytes());
        }
        assertTrue(gzipped.length <= 1024, "the stub is over its 1 KB gzip budget: " + gzipped.length);
    }

    @Test
    void shouldServeTheVersionedUrlImmutablyWithItsSriValue() throws Exception {
        WidgetAsset stub = widgets.defaults().orElseThrow();
        assertEquals("/akkoord-defaults/" + contentHash() + ".js", ConsentDefaultsResource.versionedPath(stub));
        byte[] body = given().config(RAW).header("Accept-Encoding", "identity")
                .when().get(ConsentDefaultsResource.versionedPath(stub))
                .then().statusCode(200)
                .header("Cache-Control", WidgetResource.IMMUTABLE_CACHE)
                .header("Content-Type", WidgetResource.JAVASCRIPT)
                .extract().asByteArray();
        assertArrayEquals(packaged, body);
        assertEquals("sha384-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-384").digest(body)), stub.integrity());
    }

    @Test
    void shouldNotServeOtherBuildsOfTheStub() {
        given().config(RAW).get("/akkoord-defaults/0000000000000000.js").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("/akkoord-defaults/" + contentHash() + ".js"));
    }

    private static String contentHash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(packaged)).substring(0, 16);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
