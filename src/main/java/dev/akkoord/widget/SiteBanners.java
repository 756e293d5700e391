package dev.akkoord.widget;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import dev.akkoord.site.BannerConfigService;
import dev.akkoord.web.ApiKeys;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The banner script with one site's config in front of it, where the banner's first statement picks it up: one
 * request where the script alone needs two in a row (itself, then the config). Answered by ETag, compressed once per
 * version.
 */
@ApplicationScoped
class SiteScripts {

    /** What the browser asked with: its conditional and encoding headers, and where the page is. */
    record Asked(String ifNoneMatch, String acceptEncoding, String origin, String referer) {
    }

    /** Script versions whose compressed forms are kept: about 15 KB each. */
    private static final int CACHE_CAPACITY = 1024;

    private final CompressedScripts compressed = new CompressedScripts(CACHE_CAPACITY,
            Infrastructure.getDefaultWorkerPool());
    private final BannerConfigService configs;

    SiteScripts(BannerConfigService configs) {
        this.configs = configs;
    }

    /** The script for {@code site} in {@code language} (null: the site's default), with the given caching headers. */
    Uni<Response> serve(WidgetAsset asset, UUID site, String language, Asked asked, String cacheControl, String vary) {
        return configs.configForPage(site, language, asked.origin(), asked.referer()).map(config -> {
            // Weak: the compressed and identity forms are the same script.
            String etag = "W/\"" + ApiKeys.sha256Hex(asset.contentHash() + config).substring(0, 24) + "\"";
            Supplier<byte[]> body = () -> withConfig(config, asset.body());
            Response.ResponseBuilder response = WidgetResource.negotiate(asked.ifNoneMatch(), asked.acceptEncoding(), etag,
                    body, () -> compressed.forms(etag, body));
            return WidgetResource.asScript(response, etag, cacheControl, vary);
        });
    }

    static byte[] withConfig(String config, byte[] script) {
        byte[] head = ("window.akkoordSiteConfig=" + config + ";\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + script.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(script, 0, body, head.length, script.length);
        return body;
    }
}
