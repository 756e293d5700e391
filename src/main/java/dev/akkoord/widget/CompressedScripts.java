package dev.akkoord.widget;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The gzip form of generated scripts, by ETag, for the most recently served ones. A per-site script changes only
 * when its site does, yet every page view asks for it: compressing it once per version keeps about a millisecond
 * of CPU per request off the event loop. Bounded, least recently used first out, so sites that are no longer
 * visited, and old versions, leave.
 */
final class GzipCache {

    private final Map<String, byte[]> byEtag;

    GzipCache(int capacity) {
        this.byEtag = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The gzip form of the body with this ETag, compressing {@code body} only when it is not cached. */
    byte[] gzipped(String etag, Supplier<byte[]> body) {
        synchronized (byEtag) {
            byte[] cached = byEtag.get(etag);
            if (cached != null) {
                return cached;
            }
        }
        // Compressed outside the lock: two requests racing for a new version both compress, neither waits.
        byte[] compressed = WidgetService.gzip(body.get());
        synchronized (byEtag) {
            byEtag.put(etag, compressed);
        }
        return compressed;
    }

    int size() {
        synchronized (byEtag) {
            return byEtag.size();
        }
    }
}
