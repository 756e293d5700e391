package dev.akkoord.cdn;

import dev.akkoord.site.BannerChanged;
import dev.akkoord.web.WebhookSignature;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What the purge webhook is sent: the site, its new banner version, and the public paths whose cached copies are now
 * out of date. Each path is cached under every query string it is asked with ({@code ?lang=}), so a purge should
 * drop the path with any query: a prefix purge of the path does exactly that.
 */
final class PurgeNotice {

    static final String SIGNATURE_HEADER = WebhookSignature.HEADER;

    private PurgeNotice() {
    }

    static String body(BannerChanged change) {
        String site = change.siteId().toString();
        return new JsonObject()
                .put("event", "banner-changed")
                .put("siteId", site)
                .put("version", change.version())
                .put("paths", new JsonArray()
                        .add("/akkoord/site/" + site + ".js")
                        .add("/api/v1/sites/" + site + "/banner"))
                .encode();
    }

    /** {@code sha256=<hex>}: HMAC-SHA256 of the exact body bytes, as GitHub's webhooks sign theirs. */
    static String signature(String secret, String body) {
        return WebhookSignature.of(secret, body);
    }
}
