package dev.akkoord.widget;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;

@QuarkusTest
class EmbedsScriptResourceTests {

    /** rest-assured would otherwise ask for gzip itself and unpack it silently. */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    private static byte[] packaged;

    @BeforeAll
    static void readPackagedScript() throws IOException {
        try (InputStream in = EmbedsScriptResourceTests.class.getClassLoader().getResourceAsStream(EmbedsScriptResource.RESOURCE)) {
            if (in == null) {
                throw new AssertionError(EmbedsScriptResource.RESOURCE + " is not packaged: build the widget (npm run build) first");
            }
            packaged = in.readAllBytes();
        }
    }

    @Test
    void shouldServeThePackagedScriptToAnySiteWithAnEtag() {
        Response response = given().config(RAW).header("Accept-Encoding", "identity").get("/akkoord-embeds.js");
        response.then().statusCode(200)
                .header("Content-Type", "text/javascript; charset=utf-8")
                .header("Cache-Control", "public, max-age=300, stale-while-revalidate=86400")
                .header("Access-Control-Allow-Origin", "*")
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                .header("X-Content-Type-Options", "nosniff");
        assertArrayEquals(packaged, response.asByteArray());
        String source = new String(packaged, StandardCharsets.UTF_8);
        assertTrue(source.contains("data-akkoord-held") && source.contains("Load video"), "the placeholders' script");

        String etag = response.header("ETag");
        byte[] body = given().config(RAW).header("If-None-Match", etag).get("/akkoord-embeds.js")
                .then().statusCode(304).header("ETag", etag).extract().asByteArray();
        assertEquals(0, body.length);
    }

    @Test
    void shouldServeGzipWithinThePlaceholdersBudget() throws IOException {
        Response response = given().config(RAW).header("Accept-Encoding", "gzip").get("/akkoord-embeds.js");
        response.then().statusCode(200).header("Content-Encoding", "gzip");
        byte[] gzipped = response.asByteArray();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            assertArrayEquals(packaged, in.readAllBytes());
        }
        assertTrue(gzipped.length <= 3072, "the embed placeholders are over their 3 KB gzip budget: " + gzipped.length);
    }
}
