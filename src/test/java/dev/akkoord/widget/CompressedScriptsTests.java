package dev.akkoord.widget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import com.aayushatharva.brotli4j.decoder.Decoder;

class CompressedScriptsTests {

    private final AtomicInteger compressions = new AtomicInteger();
    /** Brotli jobs wait here until the test runs them, as a busy worker pool would make them wait. */
    private final List<Runnable> slowWork = new ArrayList<>();

    private Supplier<byte[]> body(String text) {
        return () -> {
            compressions.incrementAndGet();
            return text.getBytes(StandardCharsets.UTF_8);
        };
    }

    @Test
    void compressesEachVersionOnceGzipAtOnceAndBrotliLater() throws IOException {
        CompressedScripts cache = new CompressedScripts(4, slowWork::add);
        CompressedForms first = cache.forms("W/\"a\"", body("window.x=1;"));
        assertNull(first.brotli(), "brotli is made by the slow worker, not by the request");
        assertSame(first, cache.forms("W/\"a\"", body("window.x=1;")));
        assertEquals(1, compressions.get());
        assertEquals(1, slowWork.size(), "one brotli job per version");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(first.gzip()))) {
            assertEquals("window.x=1;", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }

        slowWork.get(0).run();

        byte[] brotli = cache.forms("W/\"a\"", body("window.x=1;")).brotli();
        assertArrayEquals("window.x=1;".getBytes(StandardCharsets.UTF_8), Decoder.decompress(brotli, 0, brotli.length));
    }

    @Test
    void keepsOnlyTheMostRecentlyServedVersions() {
        CompressedScripts cache = new CompressedScripts(2, slowWork::add);
        cache.forms("a", body("a"));
        cache.forms("b", body("b"));
        cache.forms("a", body("a")); // a is now the most recent
        cache.forms("c", body("c")); // so b leaves
        assertEquals(2, cache.size());
        assertEquals(3, compressions.get());
        cache.forms("a", body("a"));
        assertEquals(3, compressions.get(), "a stayed");
        cache.forms("b", body("b"));
        assertEquals(4, compressions.get(), "b had left and is compressed again");
    }
}
