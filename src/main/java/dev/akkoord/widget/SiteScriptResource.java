package dev.akkoord.widget;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.akkoord.site.BannerConfigService;
import dev.akkoord.web.ApiKeys;
import dev.akkoord.web.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * The banner with its site's config inside, at {@code /akkoord/site/<siteId>.js}: one request where the shared
 * script needs two in a row (itself, then the config), and those two are the banner's whole critical path. It
 * carries the config for {@code ?lang=} (else the site's default language); a page in another of the site's
 * languages still fetches its own. It changes with the site, so it is cached briefly and revalidated by ETag.
 */
@Path("/akkoord/site")
@Tag(name = "Banner")
public final class SiteScriptResource {

    private static final String CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300";
    /** Script versions whose gzip form is kept: about 8 KB each. */
    private static final int GZIP_CACHE_CAPACITY = 1024;

    private final GzipCache gzipCache = new GzipCache(GZIP_CACHE_CAPACITY);

    private final WidgetService widgets;
    private final BannerConfigService configs;

    SiteScriptResource(WidgetService widgets, BannerConfigService configs) {
        this.widgets = widgets;
        this.configs = configs;
    }

    @GET
    @Path("{siteId}.js")
    @Operation(summary = "The banner script with the site's config for one language inside (public; ETag and 304)")
    public Uni<Response> siteScript(@RestPath String siteId, @RestQuery String lang,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding, @HeaderParam("Origin") String origin,
            @HeaderParam("Referer") String referer) {
        UUID site = parseSiteId(siteId);
        WidgetAsset asset = widgets.asset()
                .orElseThrow(() -> ProblemException.notFound("The banner script was not built into this release"));
        return configs.configForPage(site, lang, origin, referer)
                .map(config -> {
                    // Weak: the gzip and identity forms are the same script.
                    String etag = "W/\"" + ApiKeys.sha256Hex(asset.contentHash() + config).substring(0, 24) + "\"";
                    Supplier<byte[]> body = () -> withConfig(config, asset.body());
                    Response.ResponseBuilder response = WidgetResource.negotiate(ifNoneMatch, acceptEncoding, etag, body,
                            () -> gzipCache.gzipped(etag, body));
                    return WidgetResource.asScript(response, etag, CACHE_CONTROL);
                });
    }

    /** The config goes first, where the banner's first statement picks it up (and removes it from the page). */
    static byte[] withConfig(String config, byte[] script) {
        byte[] head = ("window.akkoordSiteConfig=" + config + ";\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + script.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(script, 0, body, head.length, script.length);
        return body;
    }

    private static UUID parseSiteId(String siteId) {
        try {
            return UUID.fromString(siteId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No site with id " + siteId);
        }
    }
}
