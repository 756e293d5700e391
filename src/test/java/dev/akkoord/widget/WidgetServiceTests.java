package dev.akkoord.widget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

import com.aayushatharva.brotli4j.decoder.Decoder;

class WidgetServiceTests {

    private static final byte[] SCRIPT = "console.log('hi')".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldDescribeAScriptWithItsKnownSriValue() throws IOException {
        WidgetAsset asset = WidgetService.describe(SCRIPT);
        // sha384 of "console.log('hi')", computed independently with: printf %s "console.log('hi')" | openssl dgst -sha384 -binary | base64
        assertEquals("sha384-c23foA8LVWSqmGoVRqUsf5lASwN8unYNRr8qJuhkkWwU4ICLN6WArwfv+Tb+yBxn", asset.integrity());
        assertTrue(asset.contentHash().matches("[0-9a-f]{16}"));
        assertEquals("/akkoord/" + asset.contentHash() + ".js", asset.versionedPath());
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(asset.compressed().gzip()))) {
            assertArrayEquals(SCRIPT, in.readAllBytes());
        }
        byte[] brotli = asset.compressed().brotli();
        assertArrayEquals(SCRIPT, Decoder.decompress(brotli, 0, brotli.length));
    }

    @Test
    void shouldNameEveryBuildDifferently() {
        assertNotEquals(WidgetService.describe(SCRIPT).contentHash(), WidgetService.describe("x".getBytes(StandardCharsets.UTF_8)).contentHash());
    }

    @Test
    void shouldBuildTheEmbedSnippetOnTheImmutableUrl() {
        WidgetService service = new WidgetService();
        UUID site = UUID.fromString("3f6c0000-0000-4000-8000-000000000001");
        WidgetAsset asset = service.asset().orElseThrow(() -> new AssertionError("widget/akkoord.js missing: build without -Dwidget.skip"));
        assertEquals(
                "<script src=\"https://consent.example.test" + asset.versionedPath() + "\" integrity=\"" + asset.integrity()
                        + "\" crossorigin=\"anonymous\" data-site=\"3f6c0000-0000-4000-8000-000000000001\"></script>",
                service.embedSnippet("https://consent.example.test/", site).orElseThrow());
    }
}
