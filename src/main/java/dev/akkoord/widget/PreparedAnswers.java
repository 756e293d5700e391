package dev.akkoord.widget;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import dev.akkoord.site.BannerInvalidated;

/**
 * The prepared banner answers of the sites being visited, by site, language and form; the most recently served stay,
 * bounded. An answer is only served while it was prepared for the site's current banner version, which {@link BannerRoute}
 * checks on every request; a site's answers are dropped as soon as its banner changes, on this instance or, by word
 * through Redis, on another ({@link dev.akkoord.site.BannerInvalidations}).
 */
@ApplicationScoped
class PreparedAnswers {

    /** How a site's banner is asked for: each has its own headers. */
    enum Form {
        /** {@code /akkoord/site/<id>.js} */
        SITE_SCRIPT(SiteScriptResource.CACHE_CONTROL, HttpHeaders.ACCEPT_ENCODING),
        /** {@code /akkoord.js} on a page of the site: the shared URL, so cached per page, privately */
        SHARED_SCRIPT(WidgetResource.WITH_CONFIG_CACHE, WidgetResource.WITH_CONFIG_VARY),
        /** {@code /api/v1/sites/<id>/banner} */
        CONFIG(BannerConfigResource.CACHE_CONTROL, HttpHeaders.ACCEPT_ENCODING);

        private final String cacheControl;
        private final String vary;

        Form(String cacheControl, String vary) {
            this.cacheControl = cacheControl;
            this.vary = vary;
        }

        String cacheControl() {
            return cacheControl;
        }

        String vary() {
            return vary;
        }
    }

    record Key(UUID site, String language, Form form) {
    }

    /** Answers kept: about 25 KB each (identity, gzip and brotli bodies), so some 25 MB at most. */
    private static final int CAPACITY = 1024;

    private final Map<Key, PreparedAnswer> answers = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, PreparedAnswer> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The answer prepared for {@code version}, or null when there is none yet. */
    PreparedAnswer find(Key key, String version) {
        PreparedAnswer answer;
        synchronized (answers) {
            answer = answers.get(key);
        }
        return answer != null && answer.version().equals(version) ? answer : null;
    }

    /**
     * The answer for this version and ETag: the one already prepared when it is the same, else {@code prepare}'s, kept
     * for the requests that follow.
     */
    PreparedAnswer remember(Key key, String version, String etag, Supplier<PreparedAnswer> prepare) {
        synchronized (answers) {
            PreparedAnswer known = answers.get(key);
            if (known != null && known.version().equals(version) && known.etag().equals(etag)) {
                return known;
            }
        }
        PreparedAnswer prepared = prepare.get();
        synchronized (answers) {
            answers.put(key, prepared);
        }
        return prepared;
    }

    /** The site's banner may have changed, here or on another instance: its answers are prepared again. */
    void forget(@Observes BannerInvalidated invalidated) {
        synchronized (answers) {
            answers.keySet().removeIf(key -> key.site().equals(invalidated.siteId()));
        }
    }

    int size() {
        synchronized (answers) {
            return answers.size();
        }
    }
}
