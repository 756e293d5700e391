package dev.akkoord.widget;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import dev.akkoord.site.BannerConfigService;
import dev.akkoord.web.Sha256;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * A site's banner as visitors' browsers ask for it: the script with the site's config in front of it (where the
 * banner's first statement picks it up: one request where the script alone needs two in a row), or the config alone.
 * Each version is prepared once ({@link PreparedAnswer}: ETag, headers, compressed bodies) and kept for the requests
 * that follow, which {@link BannerRoute} answers from memory.
 */
@ApplicationScoped
class SiteBanners {

    /** What the browser asked with: its conditional and encoding headers, and where the page is. */
    record Asked(String ifNoneMatch, String acceptEncoding, String origin, String referer) {
    }

    /** Bodies whose compressed forms are kept: about 15 KB each. */
    private static final int COMPRESSED_CAPACITY = 1024;

    private final CompressedScripts compressed = new CompressedScripts(COMPRESSED_CAPACITY,
            Infrastructure.getDefaultWorkerPool());
    private final BannerConfigService configs;
    private final PreparedAnswers answers;

    SiteBanners(BannerConfigService configs, PreparedAnswers answers) {
        this.configs = configs;
        this.answers = answers;
    }

    /** The script for {@code site} in {@code language} (null: the site's default), in the given form. */
    Uni<Response> script(WidgetAsset asset, UUID site, String language, Asked asked, PreparedAnswers.Form form) {
        return configs.configForPage(site, language, asked.origin(), asked.referer()).map(rendered -> {
            // Weak: the compressed and identity forms are the same script.
            String etag = "W/\"" + Sha256.hex(asset.contentHash() + rendered.json()).substring(0, 24) + "\"";
            return prepare(site, language, form, rendered, etag, () -> withConfig(rendered.json(), asset.body()),
                    PreparedAnswer.scriptHeaders(etag, form.cacheControl(), form.vary()))
                    .toResponse(asked.ifNoneMatch(), asked.acceptEncoding());
        });
    }

    /** The config alone, as JSON. */
    Uni<Response> config(UUID site, String language, Asked asked) {
        return configs.configForPage(site, language, asked.origin(), asked.referer()).map(rendered -> {
            String etag = "\"" + Sha256.hex(rendered.json()).substring(0, 24) + "\"";
            PreparedAnswers.Form form = PreparedAnswers.Form.CONFIG;
            return prepare(site, language, form, rendered, etag, () -> rendered.json().getBytes(StandardCharsets.UTF_8),
                    configHeaders(etag, form)).toResponse(asked.ifNoneMatch(), asked.acceptEncoding());
        });
    }

    private PreparedAnswer prepare(UUID site, String language, PreparedAnswers.Form form,
            BannerConfigService.Rendered rendered, String etag, Supplier<byte[]> body, Map<String, String> headers) {
        Supplier<PreparedAnswer> prepare = () -> {
            byte[] plain = body.get();
            return new PreparedAnswer(rendered.version(), etag, plain, compressed.forms(etag, () -> plain), headers);
        };
        if (rendered.version() == null) {
            return prepare.get();
        }
        PreparedAnswers.Key key = new PreparedAnswers.Key(site, BannerConfigService.primaryLanguage(language), form);
        return answers.remember(key, rendered.version(), etag, prepare);
    }

    private static Map<String, String> configHeaders(String etag, PreparedAnswers.Form form) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("ETag", etag);
        headers.put("Cache-Control", form.cacheControl());
        headers.put("Vary", form.vary());
        headers.put("Access-Control-Allow-Origin", "*");
        // The banner's critical path: sites (and the paint profile) may time it in real-user monitoring.
        headers.put("Timing-Allow-Origin", "*");
        return headers;
    }

    static byte[] withConfig(String config, byte[] script) {
        byte[] head = ("window.akkoordSiteConfig=" + config + ";\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + script.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(script, 0, body, head.length, script.length);
        return body;
    }
}
