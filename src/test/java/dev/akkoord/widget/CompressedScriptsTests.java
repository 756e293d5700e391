package dev.akkoord.widget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

class GzipCacheTests {

    private final AtomicInteger compressions = new AtomicInteger();

    private Supplier<byte[]> body(String text) {
        return () -> {
            compressions.incrementAndGet();
            return text.getBytes(StandardCharsets.UTF_8);
        };
    }

    @Test
    void compressesEachVersionOnce() throws IOException {
        GzipCache cache = new GzipCache(4);
        byte[] first = cache.gzipped("W/\"a\"", body("window.x=1;"));
        byte[] again = cache.gzipped("W/\"a\"", body("window.x=1;"));
        assertArrayEquals(first, again);
        assertEquals(1, compressions.get());
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(first))) {
            assertEquals("window.x=1;", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void keepsOnlyTheMostRecentlyServedVersions() {
        GzipCache cache = new GzipCache(2);
        cache.gzipped("a", body("a"));
        cache.gzipped("b", body("b"));
        cache.gzipped("a", body("a")); // a is now the most recent
        cache.gzipped("c", body("c")); // so b leaves
        assertEquals(2, cache.size());
        assertEquals(3, compressions.get());
        cache.gzipped("a", body("a"));
        assertEquals(3, compressions.get(), "a stayed");
        cache.gzipped("b", body("b"));
        assertEquals(4, compressions.get(), "b had left and is compressed again");
    }
}
