package dev.akkoord.widget;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The compressed forms of generated scripts, by ETag, for the most recently served ones. A per-site script changes
 * only when its site does, yet every page view asks for it: compressing it once per version keeps the CPU off the
 * event loop. The gzip form is made by the first request (about a millisecond); the brotli form, at its slow best
 * level, by {@code slowWork}, and requests are answered with gzip until it is there. Bounded, least recently used first
 * out, so sites that are no longer visited, and old versions, leave.
 */
final class CompressedScripts {

    private final Map<String, CompressedForms> byEtag;
    private final Executor slowWork;

    CompressedScripts(int capacity, Executor slowWork) {
        this.slowWork = slowWork;
        this.byEtag = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompressedForms> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The forms of the body with this ETag, compressing {@code body} only when they are not cached. */
    CompressedForms forms(String etag, Supplier<byte[]> body) {
        synchronized (byEtag) {
            CompressedForms cached = byEtag.get(etag);
            if (cached != null) {
                return cached;
            }
        }
        // Compressed outside the lock: two requests racing for a new version both compress, neither waits.
        byte[] plain = body.get();
        CompressedForms forms = new CompressedForms(WidgetService.gzip(plain), null);
        synchronized (byEtag) {
            CompressedForms raced = byEtag.putIfAbsent(etag, forms);
            if (raced != null) {
                return raced;
            }
        }
        if (Brotli.available()) {
            slowWork.execute(() -> forms.brotliReady(Brotli.compress(plain)));
        }
        return forms;
    }

    int size() {
        synchronized (byEtag) {
            return byEtag.size();
        }
    }
}
